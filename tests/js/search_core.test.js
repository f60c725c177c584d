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

test("bigrams", () => {
  for (const [input, expected] of vectors.bigrams) assert.deepEqual(core.bigrams(input), expected);
});

test("fnv1a", () => {
  for (const [input, expected] of vectors.fnv1a) assert.equal(core.fnv1a(input), expected);
});

test("decodeShard", () => {
  const map = core.decodeShard(Uint8Array.from(Buffer.from(vectors.shard.hex, "hex")));
  const plain = Object.fromEntries([...map].map(([k, v]) => [k, Array.from(v)]));
  assert.deepEqual(plain, vectors.shard.map);
});

test("decodeShard refuses a wrong magic and a truncated file", () => {
  const bytes = Buffer.from(vectors.shard.hex, "hex");
  assert.throws(() => core.decodeShard(Uint8Array.from(Buffer.concat([Buffer.from("XXXX"), bytes.subarray(4)]))), /magic KBS1/);
  assert.throws(() => core.decodeShard(Uint8Array.from(bytes.subarray(0, bytes.length - 1))), /truncated/);
});

test("queryTerms", () => {
  for (const [input, expected] of vectors.query_terms) assert.deepEqual(core.queryTerms(input), expected);
});

test("holdsAll", () => {
  for (const [text, terms, expected] of vectors.holds_all) assert.equal(core.holdsAll(text, terms), expected);
});

test("checkMeta accepts its own version only", () => {
  assert.equal(core.checkMeta({ version: core.FORMAT_VERSION, shards: 1 }).shards, 1);
  assert.throws(() => core.checkMeta({ version: 99 }), /rebuild the site/);
});

test("records and speeches are read through names", () => {
  assert.deepEqual(core.record(["p3", "正文", 5, 0]), { anchor: "p3", text: "正文", themeBits: 5, isHeading: false });
  assert.deepEqual(core.speech(["speeches/x/", "标题", "2020年1月2日", 2020, "张三"]),
    { url: "speeches/x/", title: "标题", date: "2020年1月2日", year: 2020, speaker: "张三" });
});

test("parseQuery: words, quoted phrases, exclusions, Traditional, one-character words", () => {
  for (const [raw, pairs, expected] of vectors.parse_query) assert.deepEqual(core.parseQuery(raw, core.t2sTable(pairs)), expected);
});

test("matches: every included word, no excluded one", () => {
  for (const [text, query, expected] of vectors.matches) assert.equal(core.matches(text, query), expected);
});

test("fromBase64", () => {
  assert.deepEqual(Array.from(core.fromBase64("S0JTMQA=")), [0x4b, 0x42, 0x53, 0x31, 0]);
});
