// Leaflet 1.9 ships its ES module build beside the UMD one without pointing `module` or `exports`
// at it; the map chunk imports it by path so rollup and the browser get real ES modules.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
