// Loaded with `node --import` into a command in tests: a dependency that never lets go (an open interval timer),
// as a stuck client or socket would, so the command's process cannot end on its own.
setInterval(() => undefined, 1 << 30);
