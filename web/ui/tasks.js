// Long work in pieces: between two pieces the main thread paints and answers input, so that no
// task of a load or an edit runs past 50 ms (issue 25).

/** Resolves in a task of its own, ahead of timers (scheduler.yield where the browser has it). */
export function nextTask() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
