import { strict as assert } from 'node:assert';
import { globToRegExp, pathInScope } from '../../../server/src/analysis/glob';

describe('include and exclude globs', () => {
  it('matches ** across folders and * within one', () => {
    assert.ok(globToRegExp('**/drafts/*.note').test('/home/u/notes/drafts/a.note'));
    assert.ok(!globToRegExp('**/drafts/*.note').test('/home/u/notes/drafts/x/a.note'));
  });

  it('matches a slash-free pattern against the file name anywhere', () => {
    assert.ok(!pathInScope('/w/notes/README.md', [], ['README.md']));
    assert.ok(pathInScope('/w/notes/visit.md', [], ['README.md']));
  });

  it('requires a match with include when include is set', () => {
    assert.ok(pathInScope('/w/a.note', ['*.note'], []));
    assert.ok(!pathInScope('/w/a.txt', ['*.{note,md}'], []));
  });

  it('treats regex characters in a pattern literally', () => {
    assert.ok(pathInScope('/w/a(1).note', ['a(1).note'], []));
    assert.ok(!pathInScope('/w/aa.note', ['a+.note'], []));
  });
});
