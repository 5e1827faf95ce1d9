export const util = 'pkg/util through a prefix';
