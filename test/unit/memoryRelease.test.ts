import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MemoryRelease, fullCollection } from '../../server/src/memoryRelease';

/** A real full collection for the tests (the test process has no --expose-gc; the server never does this). */
function testCollection(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('MemoryRelease', () => {
  it('collects once, when the server has been quiet after the last huge note', async () => {
    let collections = 0;
    const release = new MemoryRelease({ quietMs: 200, collect: () => collections++ });
    // Three huge notes in a row: each pushes the collection back, and one is made.
    for (let k = 0; k < 3; k++) release.afterHugeNote();
    assert.equal(collections, 0, 'not while notes keep coming');
    assert.equal(release.waiting, true);
    for (let waited = 0; collections === 0 && waited < 5000; waited += 50) await sleep(50);
    assert.equal(collections, 1);
    assert.equal(release.waiting, false);
    await sleep(400);
    assert.equal(collections, 1, 'and only one');
  });

  it('leaves it to V8 when V8 made a full collection by itself in the meantime', async () => {
    const collect = testCollection();
    let asked = 0;
    const release = new MemoryRelease({ quietMs: 1000, collect: () => asked++ });
    release.afterHugeNote();
    collect(); // stands for a collection V8 starts on its own
    await sleep(1500);
    assert.equal(release.waiting, false);
    assert.equal(asked, 0);
  });

  it('does nothing where no collection can be asked for', () => {
    const release = new MemoryRelease({ quietMs: 10, collect: undefined });
    release.afterHugeNote();
    assert.equal(release.waiting, false);
  });
});

describe('fullCollection', () => {
  it('is V8’s collection when Node was started with --expose-gc, and nothing otherwise', () => {
    const global = globalThis as { gc?: () => void };
    const saved = global.gc;
    try {
      delete global.gc;
      assert.equal(fullCollection(), undefined);
      let calls = 0;
      global.gc = () => void calls++;
      fullCollection()!();
      assert.equal(calls, 1);
    } finally {
      if (saved) global.gc = saved;
      else delete global.gc;
    }
  });
});
