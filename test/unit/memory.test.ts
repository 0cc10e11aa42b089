import { strict as assert } from 'node:assert';
import { fullCollection, LARGE_NOTE_CHARS, MemoryReclaimer } from '../../server/src/memory';

const QUIET = 20;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function reclaimer(busy: () => boolean = () => false) {
  const calls: number[] = [];
  const r = new MemoryReclaimer({ collect: () => calls.push(Date.now()), busy, quietMs: QUIET });
  return { r, calls };
}

describe('Giving memory back after a large note', () => {
  it('collects once, after a quiet period, when a large note arrives or leaves', async () => {
    const { r, calls } = reclaimer();
    r.noteEvent(LARGE_NOTE_CHARS);
    assert.equal(r.armed, true);
    assert.equal(calls.length, 0, 'not at once: the note is still being read');
    await wait(QUIET * 4);
    assert.equal(calls.length, 1);
    assert.equal(r.armed, false);
    await wait(QUIET * 3);
    assert.equal(calls.length, 1, 'once per large note, not periodically');
  });

  it('leaves small notes to V8', async () => {
    const { r, calls } = reclaimer();
    r.noteChanged('file:///small.note', LARGE_NOTE_CHARS - 1);
    r.activity('file:///small.note');
    assert.equal(r.armed, false);
    await wait(QUIET * 3);
    assert.equal(calls.length, 0);
  });

  it('waits while notes are being validated, then collects', async () => {
    let busy = true;
    const { r, calls } = reclaimer(() => busy);
    r.noteEvent(5 * LARGE_NOTE_CHARS);
    await wait(QUIET * 4);
    assert.equal(calls.length, 0, 'no collection while a validation runs');
    assert.equal(r.armed, true, 'still waiting for quiet');
    busy = false;
    await wait(QUIET * 4);
    assert.equal(calls.length, 1);
  });

  it('starts the quiet period again on activity on a large note while armed, not on a small one', async () => {
    const { r, calls } = reclaimer();
    r.noteChanged('file:///long.note', LARGE_NOTE_CHARS);
    r.noteChanged('file:///small.note', 300);
    for (let k = 0; k < 5; k++) {
      await wait(QUIET / 2);
      r.activity('file:///long.note');
    }
    assert.equal(calls.length, 0, 'each activity pushed the collection back');
    await wait(QUIET * 4);
    assert.equal(calls.length, 1);
    r.noteClosed('file:///long.note');
    for (let k = 0; k < 6; k++) {
      await wait(QUIET / 2);
      r.activity('file:///small.note');
    }
    assert.equal(calls.length, 2, 'activity on a small note did not push the collection back');
  });

  it('measures a note by how far its length moved: opening or closing a large note arms, typing in it does not', async () => {
    const { r, calls } = reclaimer();
    r.noteChanged('file:///long.note', 2 * LARGE_NOTE_CHARS);
    assert.equal(r.armed, true, 'opened');
    await wait(QUIET * 4);
    assert.equal(calls.length, 1);
    r.noteChanged('file:///long.note', 2 * LARGE_NOTE_CHARS + 1);
    r.noteChanged('file:///long.note', 2 * LARGE_NOTE_CHARS + 40);
    r.noteChanged('file:///other.note', 300);
    assert.equal(r.armed, false, 'a few characters typed, and a small note opened');
    r.noteChanged('file:///long.note', 40);
    assert.equal(r.armed, true, 'replaced by a short text');
    await wait(QUIET * 4);
    r.noteClosed('file:///long.note');
    assert.equal(r.armed, false, 'closing what is now a short note');
    r.noteChanged('file:///long.note', 3 * LARGE_NOTE_CHARS);
    await wait(QUIET * 4);
    r.noteClosed('file:///long.note');
    assert.equal(r.armed, true, 'closing a large note');
    await wait(QUIET * 4);
    assert.equal(calls.length, 4);
    r.noteClosed('file:///long.note');
    assert.equal(r.armed, false, 'a note closed twice is not counted twice');
  });

  it('schedules nothing when the runtime offers no collection', async () => {
    const r = new MemoryReclaimer({ collect: undefined, busy: () => false, quietMs: QUIET });
    r.noteEvent(10 * LARGE_NOTE_CHARS);
    assert.equal(r.armed, false);
  });

  it("uses V8's gc when Node was started with --expose-gc, and nothing otherwise", () => {
    const global = globalThis as { gc?: unknown };
    const saved = global.gc;
    try {
      const gc = () => undefined;
      global.gc = gc;
      assert.equal(fullCollection(), gc);
      delete global.gc;
      assert.equal(fullCollection(), undefined);
    } finally {
      if (saved === undefined) delete global.gc;
      else global.gc = saved;
    }
  });
});
