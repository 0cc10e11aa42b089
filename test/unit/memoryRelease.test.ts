import { strict as assert } from 'node:assert';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { MemoryRelease, fullCollection } from '../../server/src/memoryRelease';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('MemoryRelease', () => {
  it('collects once, when the server has been quiet after the last huge note', async () => {
    let collections = 0;
    const release = new MemoryRelease({ quietMs: 40, collect: () => collections++ });
    for (let k = 0; k < 3; k++) {
      release.afterHugeNote();
      await sleep(10);
    }
    assert.equal(collections, 0, 'not while notes keep coming');
    assert.equal(release.waiting, true);
    await sleep(150);
    assert.equal(collections, 1);
    assert.equal(release.waiting, false);
  });

  it('leaves it to V8 when V8 made a full collection by itself in the meantime', async () => {
    const collect = fullCollection()!;
    let asked = 0;
    const release = new MemoryRelease({ quietMs: 300, collect: () => asked++ });
    release.afterHugeNote();
    collect(); // stands for a collection V8 starts on its own
    await sleep(600);
    assert.equal(asked, 0);
  });

  it('does nothing where no collection can be asked for', () => {
    const release = new MemoryRelease({ quietMs: 10, collect: undefined });
    release.afterHugeNote();
    assert.equal(release.waiting, false);
  });
});

describe('fullCollection', () => {
  it('is a full collection, even in a process started without --expose-gc', async () => {
    assert.ok(!process.execArgv.includes('--expose-gc'));
    const kinds: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) kinds.push((entry as { detail?: { kind?: number } }).detail?.kind ?? -1);
    });
    observer.observe({ entryTypes: ['gc'] });
    fullCollection()!();
    await sleep(100);
    observer.disconnect();
    assert.ok(kinds.includes(constants.NODE_PERFORMANCE_GC_MAJOR), `collections seen: ${kinds.join(', ')}`);
  });
});
