// The search core against the shared test vectors: `node --test tests/js/` (run by make test via pytest).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fs = require("node:fs");

const core = require(path.join(__dirname, "..", "..", "docs", "assets", "kb-search-core.js"));
const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "search_vectors.json"), "utf8"));

test("normalise", () => {
  for (const [input, expected] of vectors.normalise) assert.equal(core.normalise(input), expected);
});

test("fnv1a", () => {
  for (const [input, expected] of vectors.fnv1a) assert.equal(core.fnv1a(input), expected);
});

function shardVector() {
  return core.decodeShard(Uint8Array.from(Buffer.from(vectors.shard.hex, "hex")));
}

test("decodeShard and decodePosting", () => {
  const map = shardVector();
  const plain = {};
  for (const [gram, bytes] of map) {
    const p = core.decodePosting(bytes), byRecord = {};
    p.records.forEach((r, k) => { byRecord[String(r)] = Array.from(p.positions.subarray(p.starts[k], p.starts[k + 1])); });
    plain[gram] = byRecord;
  }
  assert.deepEqual(plain, vectors.shard.postings);
});

test("decodeShard refuses a wrong magic and a truncated file", () => {
  const bytes = Buffer.from(vectors.shard.hex, "hex");
  assert.throws(() => core.decodeShard(Uint8Array.from(Buffer.concat([Buffer.from("XXXX"), bytes.subarray(4)]))), /magic KBS4/);
  assert.throws(() => core.decodeShard(Uint8Array.from(bytes.subarray(0, bytes.length - 1))), /truncated/);
});

test("wordRecords: a word is found where its bigrams stand next to each other", () => {
  const map = shardVector(), postingOf = (g) => (map.has(g) ? core.decodePosting(map.get(g)) : null);
  for (const [word, expected] of vectors.word_records) assert.deepEqual(Array.from(core.wordRecords(word, postingOf)), expected, word);
});

test("coverOffsets pin every character, through the pair a mark starts", () => {
  for (const [word, marks, expected] of vectors.cover_offsets) assert.deepEqual(core.coverOffsets(word, core.punctuationSet(marks)), expected, word);
});

test("tally: totals, facets under the other filters, hits per speech", () => {
  const meta = { speeches: [["甲", "2021年", 2021, "张三", "市", 3, "a"], ["乙", "2020年", 2020, "李四", "县", 2, "b"]] };
  const runs = core.decodeRuns(Uint8Array.from([0x4b, 0x42, 0x52, 0x34, 2, 1, 3, 2]));  // records 0-1 theme 0, 2-4 theme 1
  const all = core.tally([0, 2, 3, 4], meta, runs, { year: "", theme: "", speaker: "", level: "" });
  assert.equal(all.hits, 4); assert.equal(all.speeches, 2);
  assert.deepEqual(all.perSpeech, [[0, [0, 2]], [1, [3, 4]]]);
  assert.deepEqual(all.facets, { year: { 2021: 2, 2020: 2 }, theme: { 0: 1, 1: 3 }, speaker: { "张三": 2, "李四": 2 }, level: { "市": 2, "县": 2 } });
  const y2020 = core.tally([0, 2, 3, 4], meta, runs, { year: "2020", theme: "", speaker: "", level: "" });
  assert.equal(y2020.hits, 2);
  assert.deepEqual(y2020.facets.year, { 2021: 2, 2020: 2 });
  assert.deepEqual(y2020.facets.theme, { 1: 2 });
  const theme0 = core.tally([0, 2, 3, 4], meta, runs, { year: "", theme: "0", speaker: "", level: "" });
  assert.deepEqual(theme0.perSpeech, [[0, [0]]]);
});

test("sectionPlace", () => {
  assert.equal(core.sectionPlace("s2-1"), "第二部分第一节");
  assert.equal(core.sectionPlace("s11-3-2"), "第十一部分第三节第二点");
  assert.equal(core.sectionPlace("opening"), "开场白");
  assert.equal(core.sectionPlace(""), "");
});

test("checkMeta accepts its own version only", () => {
  assert.equal(core.checkMeta({ version: core.FORMAT_VERSION, shards: 1 }).shards, 1);
  assert.throws(() => core.checkMeta({ version: 99 }), /rebuild the site/);
});

test("records and speeches are read through names", () => {
  assert.deepEqual(core.record(["p3", "正文", 5, 0, "s1"]), { anchor: "p3", text: "正文", themeBits: 5, isHeading: false, section: "s1" });
  assert.deepEqual(core.speech(["标题", "2020年1月2日", 2020, "张三", "市", 12, "x"]),
    { url: "speeches/x/", title: "标题", date: "2020年1月2日", year: 2020, speaker: "张三", level: "市", records: 12, id: "x" });
});

test("parseQuery: words, quoted phrases, exclusions, Traditional, one-character words", () => {
  for (const [raw, pairs, marks, expected] of vectors.parse_query) assert.deepEqual(core.parseQuery(raw, core.t2sTable(pairs), core.punctuationSet(marks)), expected, raw);
});

test("matches: every included word, no excluded one", () => {
  for (const [text, query, expected] of vectors.matches) assert.equal(core.matches(text, query), expected);
});

test("unpack7 reads what pack7 wrote", () => {
  for (const [hex, text] of vectors.pack7) assert.deepEqual(Buffer.from(core.unpack7(text)).toString("hex"), hex, JSON.stringify(text));
  assert.throws(() => core.unpack7("ab\u0400"), /damaged/);
});

test("speech texts: GB18030 JSON reads back exactly", () => {
  const bytes = Buffer.from(vectors.gb18030_json.hex, "hex");
  assert.deepEqual(JSON.parse(new TextDecoder("gb18030").decode(bytes)), vectors.gb18030_json.value);
});

test("csvCell keeps formulas as text (#31)", () => {
  assert.equal(core.csvCell('=HYPERLINK("http://x","点击")'), '"\'=HYPERLINK(""http://x"",""点击"")"');
  for (const start of ["+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) assert.equal(core.csvCell(start)[0] === '"' ? core.csvCell(start)[1] : core.csvCell(start)[0], "'");
  assert.equal(core.csvCell("在全县组织工作会议上的讲话"), "在全县组织工作会议上的讲话");
  assert.equal(core.csvCell("2023-03-08"), "2023-03-08");
  assert.equal(core.csvCell(null), "");
  assert.equal(core.csvCell("甲,乙"), '"甲,乙"');
});

test("decodeSentenceEnds reads b.js", () => {
  const v = vectors.sentence_ends, decoded = core.decodeSentenceEnds(Uint8Array.from(Buffer.from(v.hex, "hex")));
  v.ends.forEach((ends, r) => assert.deepEqual(Array.from(decoded.ends.subarray(decoded.from[r], decoded.from[r + 1])), ends));
});

test("sentenceRecords: every word in one sentence; a word across a sentence end is in none", () => {
  // record 0 is 干部。监督 (its end at place 2), record 1 is 干部监督。 (its end at 4)
  const sentences = { from: Int32Array.from([0, 1, 2]), ends: Int32Array.from([2, 4]) };
  const matches = [{ records: [0, 1], starts: [[0], [0]] }, { records: [0, 1], starts: [[3], [2]] }];
  assert.deepEqual(core.sentenceRecords(matches, [2, 2], sentences), [1]);
  // a two-character word at places 1–2 with a sentence end at 1 crosses it; at places 0–1 it ends with it
  assert.deepEqual(core.sentenceRecords([{ records: [0], starts: [[1]] }], [2], { from: Int32Array.from([0, 1]), ends: Int32Array.from([1]) }), []);
  assert.deepEqual(core.sentenceRecords([{ records: [0], starts: [[0]] }], [2], { from: Int32Array.from([0, 1]), ends: Int32Array.from([1]) }), [0]);
});

test("speechRecords: the speeches holding every word, and their passages holding any", () => {
  const bounds = [0, 3, 6, 9];  // three speeches of three records
  assert.deepEqual(core.speechRecords([[0, 4, 7], [2, 8]], [], bounds), [0, 2, 7, 8]);
  assert.deepEqual(core.speechRecords([[0, 4, 7], [2, 8]], [[6]], bounds), [0, 2]);
  assert.deepEqual(core.speechAt(bounds, 5), 1);
});
