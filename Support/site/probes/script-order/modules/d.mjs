log('d evaluated', typeof document.currentScript, import.meta.url.endsWith('/probes/script-order/modules/d.mjs'));
export default 42;
