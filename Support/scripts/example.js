// An example for `caper eval`: the completion value (here an object) is printed as JSON.
const words = ['given', 'when', 'then'];
console.log('running in V8', typeof globalThis);
({ keywords: words.map((w) => w[0].toUpperCase() + w.slice(1)), total: words.length });
