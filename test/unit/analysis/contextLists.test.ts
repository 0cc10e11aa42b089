import { strict as assert } from 'node:assert';
import { createAssertionContext } from '../../../server/src/analysis/context';
import { findSections } from '../../../server/src/analysis/sections';
import { assertionOf } from '../helpers/assertionOf';

describe('createAssertionContext: a cue written as a list header', () => {
  it('negates every bullet under "ROS: Denies:" and nothing in the next section', () => {
    const note = ['ROS: Denies:', '- fever', '- joint pain', '- skin ulceration', 'Exam: calcified nodules on both elbows.'].join('\n');
    for (const item of ['fever', 'joint pain', 'skin ulceration']) assert.equal(assertionOf(note, item).negated, true, item);
    assert.equal(assertionOf(note, 'calcified nodules').negated, false, 'a new section header ends the list');
  });

  it('negates the items of a numbered list, with "1." and with "2)"', () => {
    const dot = 'Negative for:\n1. fever\n2. dysphagia\n3. Raynaud phenomenon';
    for (const item of ['fever', 'dysphagia', 'Raynaud phenomenon']) assert.equal(assertionOf(dot, item).negated, true, item);
    const paren = 'Pt denies the following:\n1) fever\n2) muscle weakness';
    for (const item of ['fever', 'muscle weakness']) assert.equal(assertionOf(paren, item).negated, true, item);
  });

  it('carries "No:" into plain short lines and into "•" bullets', () => {
    const plain = 'No:\nfever\nweight loss\nmuscle weakness';
    for (const item of ['fever', 'weight loss', 'muscle weakness']) assert.equal(assertionOf(plain, item).negated, true, item);
    const dots = 'Denies:\n• chalky discharge\n• ulceration';
    for (const item of ['chalky discharge', 'ulceration']) assert.equal(assertionOf(dots, item).negated, true, item);
  });

  it('stops at a blank line: the next paragraph is not negated', () => {
    const text = 'Denies:\n- fever\n- chills\n\nFirm calcified nodules over the elbows.\n- tender nodules';
    assert.equal(assertionOf(text, 'chills').negated, true);
    assert.equal(assertionOf(text, 'calcified nodules').negated, false);
    assert.equal(assertionOf(text, 'tender nodules').negated, false, 'a list under a non-cue line is not negated');
  });

  it('stops at a new header and at a line that is not a list item', () => {
    const header = 'Denies:\n- fever\nAssessment:\n- calcinosis cutis of the forearm';
    assert.equal(assertionOf(header, 'fever').negated, true);
    assert.equal(assertionOf(header, 'calcinosis cutis').negated, false);
    const prose = 'Denies:\n- fever\nShe has hard white papules on the extensor forearms and digits.\n- ulceration';
    assert.equal(assertionOf(prose, 'hard white papules').negated, false);
    assert.equal(assertionOf(prose, 'ulceration').negated, false, 'the list is broken by the prose line');
  });

  it('ends the negation inside an item at "but"', () => {
    const text = 'Denies:\n- fever\n- joint pain but reports chalky discharge\n- dysphagia';
    assert.equal(assertionOf(text, 'joint pain').negated, true);
    assert.equal(assertionOf(text, 'chalky discharge').negated, false);
    assert.equal(assertionOf(text, 'dysphagia').negated, true, 'the next bullet is an item of its own under the header');
  });

  it('makes the items under "Rule out:" and "Concern for:" possible, not negated', () => {
    const text = 'Rule out:\n- calciphylaxis\n- tumoral calcinosis\n\nConcern for:\n- metastatic calcification';
    for (const item of ['calciphylaxis', 'tumoral calcinosis', 'metastatic calcification']) {
      const a = assertionOf(text, item);
      assert.equal(a.possible, true, item);
      assert.equal(a.negated, false, item);
    }
  });

  it('does nothing under a plain header such as "Plan:"', () => {
    const text = 'Plan:\n- skin biopsy of a forearm nodule\n- start diltiazem\nHPI:\nnodules on the fingertips';
    for (const item of ['skin biopsy', 'diltiazem', 'nodules on the fingertips']) {
      const a = assertionOf(text, item);
      assert.equal(a.negated, false, item);
      assert.equal(a.possible, false, item);
    }
  });

  it('needs the cue right before the colon: a negation earlier in the header line does not carry', () => {
    const text = 'No NSAIDs, then review these results:\n- calcium\n- phosphate';
    assert.equal(assertionOf(text, 'calcium').negated, false);
    assert.equal(assertionOf(text, 'phosphate').negated, false);
  });

  it('gives the same answer whatever order the list items are asked in', () => {
    const text = 'HPI: nodules.\nDenies:\n- fever\n- joint pain but has ulceration\n- dysphagia\n\nPlan:\n- biopsy';
    const words = ['nodules', 'fever', 'joint pain', 'ulceration', 'dysphagia', 'biopsy'];
    const spans = words.map((w) => [text.indexOf(w), text.indexOf(w) + w.length]);
    const forward = createAssertionContext(text, findSections(text));
    const inOrder = spans.map(([s, e]) => forward(s, e).negated);
    const backward = createAssertionContext(text, findSections(text));
    const reversed = [...spans].reverse().map(([s, e]) => backward(s, e).negated).reverse();
    assert.deepEqual(inOrder, [false, true, true, false, true, false]);
    assert.deepEqual(reversed, inOrder);
  });
});
