// node:os (what support code asks of it: the platform, architecture, end of line, folders).
(host, runtime) => {
  const { define } = runtime.modules;
  define('os', () => ({ EOL: '\n', platform: () => 'linux', arch: () => runtime.process.arch(), tmpdir: () => '/tmp', homedir: () => runtime.process.environment().HOME || '/', cpus: () => [], hostname: () => 'localhost', type: () => 'Linux' }));
  return {};
}
