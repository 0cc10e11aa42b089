// A port of TermMatcher.scanInto's ASCII path (server/src/analysis/termMatcher.ts) to C, for a
// timing experiment only (see README.md): the same word hash, the same open-addressing table,
// the same walk over the following words, the same case and lab-context rules. Not ported:
// words with letters beyond ASCII and marks beyond ASCII (’, ‐), on which no transition is
// taken. The walk stops at 64 words; the longest form has far fewer.
typedef unsigned short u16;
typedef unsigned char u8;
typedef unsigned int u32;

static const u16 *text; static int n;
static const u8 *rootBits; static const int *tParent, *tHash, *tChild, *keyOff, *keyLen; static const u8 *keyBytes;
static const u8 *hasChildren; static const int *entryConcept; static const int *rootPunct; static const u8 *wordUnit;
// Nodes whose forms have rules (entryConcept -2): their entries, in order, at ruleFrom[node]..ruleFrom[node + 1].
static const int *ruleFrom, *ruleConcept, *ruleLab, *ruleExactFrom, *ruleExactCount, *exactOff, *exactLen; static const u16 *exactUnits;
static int mask;
static int *outStart, *outEnd, *outConcept; static int found;
static int walkStarts[64], walkEnds[64];
static u8 fold[128];
static int stepped;

void setup(const u16 *t, int len, const u8 *rb, const int *tp, const int *th, const int *tc, const int *ko, const int *kl, const u8 *kb,
           const u8 *hc, const int *ec, const int *rp, const u8 *wu, int m, int *os, int *oe, int *oc,
           const int *rf, const int *rc, const int *rl, const int *ref, const int *rec, const int *eo, const int *el, const u16 *eu) {
  ruleFrom = rf; ruleConcept = rc; ruleLab = rl; ruleExactFrom = ref; ruleExactCount = rec; exactOff = eo; exactLen = el; exactUnits = eu;
  text = t; n = len; rootBits = rb; tParent = tp; tHash = th; tChild = tc; keyOff = ko; keyLen = kl; keyBytes = kb;
  hasChildren = hc; entryConcept = ec; rootPunct = rp; wordUnit = wu; mask = m; outStart = os; outEnd = oe; outConcept = oc;
  for (int c = 48; c <= 57; c++) fold[c] = (u8)c;
  for (int c = 97; c <= 122; c++) { fold[c] = (u8)c; fold[c - 32] = (u8)c; }
}

static int isSpace(int c) {
  if (c > 32 && c < 0xa0) return 0;
  return c == 32 || c == 9 || c == 10 || c == 13 || c == 12 || c == 11 || c == 0xa0 || c == 0x2007 || c == 0x202f || c == 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

static int fold2(int c) { return c == 0x2019 || c == 0x2018 ? 39 : c == 0x2010 || c == 0x2011 ? 45 : c; }
static int labSpace(int c) { return c == 32 || c == 9 || c == 0xa0 || (c >= 0x2000 && c <= 0x200a) || c == 0x202f || c == 0x3000; }

// LAB_CONTEXT_AFTER on the 16 characters after `e`: blanks, an optional ":" or "=", blanks, an
// optional comparator, then a digit.
static int labContextAfter(int e) {
  int lim = e + 16 < n ? e + 16 : n, i = e;
  while (i < lim && labSpace(text[i])) i++;
  if (i < lim && (text[i] == ':' || text[i] == '=' || text[i] == 0xff1a)) i++;
  while (i < lim && labSpace(text[i])) i++;
  if (i < lim && (text[i] == '<' || text[i] == '>' || text[i] == 0x2264 || text[i] == 0x2265)) {
    i++;
    if (i < lim && text[i] == '=') i++;
    while (i < lim && (text[i] == 32 || text[i] == 9 || text[i] == 0xa0 || text[i] == 0x202f)) i++;
  }
  return i < lim && ((text[i] >= '0' && text[i] <= '9') || (text[i] >= 0xff10 && text[i] <= 0xff19));
}

// TermMatcher.accept: the first entry of `node` whose rules hold for words 0..last of the walk.
static int accept(int node, int last) {
  for (int r = ruleFrom[node]; r < ruleFrom[node + 1]; r++) {
    if (ruleExactFrom[r] >= 0) {
      if (ruleExactCount[r] != last + 1) continue;
      int ok = 1;
      for (int k = 0; k <= last && ok; k++) {
        int w = ruleExactFrom[r] + k, s = walkStarts[k], len = walkEnds[k] - s;
        if (exactLen[w] != len) { ok = 0; break; }
        const u16 *word = exactUnits + exactOff[w];
        if (len == 1) { if (fold2(text[s]) != word[0]) ok = 0; }
        else for (int c = 0; c < len; c++) if (text[s + c] != word[c]) { ok = 0; break; }
      }
      if (!ok) continue;
    }
    if (ruleLab[r] && !labContextAfter(walkEnds[last])) continue;
    return ruleConcept[r];
  }
  return -1;
}

static int slotOf(int node, int h) {
  u32 x = (u32)h + (u32)node * 0x9e3779b1u;
  return (int)((x ^ (x >> 15)) & (u32)mask);
}

static int child(int node, int h, int s, int e) {
  int len = e - s;
  for (int slot = slotOf(node, h); tParent[slot] != 0; slot = (slot + 1) & mask) {
    if (tParent[slot] != node + 1 || tHash[slot] != h || keyLen[slot] != len) continue;
    const u8 *key = keyBytes + keyOff[slot];
    int k = 0;
    for (; k < len; k++) { int c = text[s + k]; if (c >= 65 && c <= 90) c += 32; if (c != key[k]) break; }
    if (k == len) return tChild[slot];
  }
  return -1;
}

static int readToken(int i, int node, int code) {
  if (code < 128 && fold[code]) {
    u32 h = 0; int j = i; int ascii = 1;
    while (j < n) {
      int c = text[j];
      if (c < 128) { int f = fold[c]; if (!f) break; h = h * 31u + (u32)f; }
      else if (wordUnit[c]) ascii = 0;
      else break;
      j++;
    }
    if (!ascii) stepped = -1;
    else if (node == 0 && (rootBits[(h >> 3) & 0x1fff] & (1 << (h & 7))) == 0) stepped = -1;
    else stepped = child(node, (int)h, i, j);
    return j;
  }
  if (code >= 128 && wordUnit[code]) {
    int j = i + 1;
    while (j < n && (text[j] < 128 ? fold[text[j]] != 0 : wordUnit[text[j]])) j++;
    stepped = -1;
    return j;
  }
  if (code < 128) stepped = node == 0 ? rootPunct[code] : child(node, code, i, i + 1);
  else stepped = -1;
  return i + 1;
}

int scan(int from, int to) {
  found = 0;
  int i = from;
  for (;;) {
    int code = 0;
    while (i < n && isSpace(code = text[i])) i++;
    if (i >= n || i >= to) return found;
    int s = i;
    i = readToken(i, 0, code);
    int node = stepped;
    if (node < 0) continue;
    walkStarts[0] = s; walkEnds[0] = i;
    int bestEnd = -1, bestConcept = -1, k = 0;
    for (;;) {
      int here = entryConcept[node];
      if (here == -2) here = accept(node, k);
      if (here >= 0) { bestEnd = k; bestConcept = here; }
      if (!hasChildren[node]) break;
      int ts = walkEnds[k]; int lineBreaks = 0;
      for (int c; ts < n && isSpace(c = text[ts]); ts++) if (c == 10 || (c == 13 && (ts + 1 >= n || text[ts + 1] != 10))) lineBreaks++;
      if (ts >= n || lineBreaks > 1 || k + 1 >= 64) break;
      int te = readToken(ts, node, text[ts]);
      k++; walkStarts[k] = ts; walkEnds[k] = te;
      node = stepped;
      if (node < 0) break;
    }
    if (bestEnd >= 0) { outStart[found] = s; outEnd[found] = walkEnds[bestEnd]; outConcept[found] = bestConcept; found++; i = walkEnds[bestEnd]; }
  }
}
