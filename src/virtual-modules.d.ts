/** The admin page's script address, from src/integrations/admin-bundle.ts. */
declare module 'virtual:alliance-dynamique/admin-script' {
  const src: string;
  export default src;
}
