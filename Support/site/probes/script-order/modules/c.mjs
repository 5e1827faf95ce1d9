log('c evaluated');
export const c = 'c';
