import { b } from './b.mjs?ms=300';
import { c } from './c.mjs';
log('a evaluated', b, c);
export const a = 'a';
