// What apis/blob.js reads of a page realm's clock, settings and crypto scripts, given to a
// Node-compatible support realm (SupportFetchAPI installs blob.js there for Node 18's `Blob`,
// `File` and `FormData` bodies): `runtime.clock.epochNow()` (the process's time, as Node's
// `Date.now()`), `runtime.settings.origin()` ('nodedata', so blob URLs read `blob:nodedata/<uuid>`
// as Node's `blob:nodedata:<uuid>` nearly do) and `runtime.crypto.uuidV4()` (a version 4 UUID;
// it only has to name a blob URL uniquely in this realm). Each is added only where the realm has
// none; Node's own `crypto` script exports nothing else under that name.
(host, runtime) => {
  'use strict';
  const { DateNow, MathFloor, MathRandom, NumberPrototypeToString, ObjectFreeze, StringPrototypePadStart } = runtime.primordials;
  const hex = (value, digits) => StringPrototypePadStart(NumberPrototypeToString(value, 16), digits, '0');
  const random = (bits) => MathFloor(MathRandom() * 2 ** bits);
  const uuidV4 = () => {
    const head = `${hex(random(32), 8)}-${hex(random(16), 4)}-${hex(0x4000 | random(12), 4)}`;
    return `${head}-${hex(0x8000 | random(14), 4)}-${hex(random(24), 6)}${hex(random(24), 6)}`;
  };
  runtime.clock ??= ObjectFreeze({ epochNow: () => DateNow() });
  runtime.settings ??= ObjectFreeze({ origin: () => 'nodedata' });
  if (runtime.crypto === undefined) runtime.crypto = ObjectFreeze({ uuidV4 });
  else if (runtime.crypto.uuidV4 === undefined) runtime.crypto.uuidV4 = uuidV4;
  return {};
}
