/* zuzhi-kb search, the pure core: normalisation, bigrams, hashing, shard decoding, records with
 * named fields, phrase checks. No DOM and no network here, so the same test vectors run in Node
 * (tests/js/search_core.test.js) and Python (tests/test_search_vectors.py). The format is specified
 * in build_kb/publish/SEARCH_FORMAT.md.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.KBSearchCore = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FORMAT_VERSION = 2;
  var SHARD_MAGIC = [0x4b, 0x42, 0x53, 0x31]; // "KBS1"
  // The same invisible characters the build strips from texts (build_kb/text.py FORMAT_CHARACTERS).
  var INVISIBLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

  function normalise(text) {
    return text.replace(INVISIBLE, "").replace(/[\uff01-\uff5e]/g, function (c) {
      var h = String.fromCharCode(c.charCodeAt(0) - 0xfee0);
      return /[0-9A-Za-z]/.test(h) ? h : c;
    }).toLowerCase();
  }

  function isSpace(c) { return c === " " || c === "\t" || c === "\r" || c === "\n" || c === "\u3000"; }

  /** The distinct character bigrams of a (normalised) word, in order of first appearance. */
  function bigrams(term) {
    var out = [], seen = {}, chars = Array.from(term);
    for (var i = 0; i + 1 < chars.length; i++) {
      if (isSpace(chars[i]) || isSpace(chars[i + 1])) continue;
      var g = chars[i] + chars[i + 1];
      if (!seen[g]) { seen[g] = true; out.push(g); }
    }
    return out;
  }

  /** 32-bit FNV-1a of the UTF-8 bytes: which shard a bigram lives in (hash % meta.shards). */
  function fnv1a(text) {
    var bytes = new TextEncoder().encode(text), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 0;
  }

  function readVarint(bytes, pos) {
    var value = 0, shift = 0, b;
    do {
      if (pos.i >= bytes.length) throw new Error("search shard is truncated");
      b = bytes[pos.i++]; value += (b & 0x7f) * Math.pow(2, shift); shift += 7;
    } while (b & 0x80);
    return value;
  }

  /** A shard file → Map(bigram → ascending speech positions). Throws on a wrong magic or a cut file. */
  function decodeShard(bytes) {
    for (var m = 0; m < 4; m++) if (bytes[m] !== SHARD_MAGIC[m]) throw new Error("not a zuzhi-kb search shard (magic KBS1 expected)");
    var count = (bytes[4] | (bytes[5] << 8) | (bytes[6] << 16) | (bytes[7] << 24)) >>> 0;
    var decoder = new TextDecoder(), map = new Map(), pos = { i: 8 };
    for (var n = 0; n < count; n++) {
      var len = bytes[pos.i++], key = decoder.decode(bytes.subarray(pos.i, pos.i + len));
      pos.i += len;
      var size = readVarint(bytes, pos), ids = new Int32Array(size), prev = -1;
      for (var j = 0; j < size; j++) { prev = prev + 1 + readVarint(bytes, pos); ids[j] = prev; }
      map.set(key, ids);
    }
    return map;
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }

  /** meta.json, checked: its version must be the one this code reads. */
  function checkMeta(meta) {
    if (!meta || meta.version !== FORMAT_VERSION) {
      throw new Error("search index version " + (meta && meta.version) + " is not " + FORMAT_VERSION + ": rebuild the site");
    }
    return meta;
  }

  // Positional rows as written by build_kb/publish/search_index.py, read through names.
  function speech(row) { return { url: row[0], title: row[1], date: row[2], year: row[3], speaker: row[4] }; }
  function theme(row) { return { id: row[0], name: row[1], colour: row[2] }; }
  function record(row) { return { anchor: row[0], text: row[1], themeBits: row[2], isHeading: row[3] === 1 }; }

  /** Does a record's text hold every word (AND), after normalisation? */
  function holdsAll(text, terms) {
    var lower = normalise(text);
    return terms.every(function (t) { return lower.indexOf(t) >= 0; });
  }

  /** The words of a query: normalised, split at spaces, duplicates dropped. */
  function queryTerms(raw) {
    var terms = normalise(raw).split(/[\s\u3000]+/).filter(Boolean);
    return terms.filter(function (t, i) { return terms.indexOf(t) === i; });
  }

  /** meta.t2s ("們们個个…", pairs of characters) → a lookup table. */
  function t2sTable(pairs) {
    var table = {}, chars = Array.from(pairs || "");
    for (var i = 0; i + 1 < chars.length; i += 2) table[chars[i]] = chars[i + 1];
    return table;
  }

  // Half-width punctuation typed in a query, in the full-width form the cleaner gives Chinese text.
  var FULLWIDTH_PUNCTUATION = { ",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）" };

  /** A query word in the corpus' form: normalised, Traditional characters simplified, punctuation full-width. */
  function corpusForm(word, table) {
    return Array.from(normalise(word)).map(function (c) { return (table && table[c]) || FULLWIDTH_PUNCTUATION[c] || c; }).join("");
  }

  /**
   * What a query asks for. Words separated by spaces must all occur (AND); "…" or “…” (or 「…」)
   * quote a phrase (its inner spaces are dropped: Chinese text has none); -word or －word excludes
   * paragraphs holding it. Words of one character cannot be searched (every paragraph has most of
   * them) and come back in `single`, for the page to say so.
   */
  function parseQuery(raw, table) {
    var include = [], exclude = [], single = [];
    function add(list, word) { if (word && list.indexOf(word) < 0) list.push(word); }
    var rest = String(raw).replace(/(-|－)?(?:"([^"]*)"|“([^”]*)”|「([^」]*)」)/g, function (all, minus, a, b, c) {
      var phrase = corpusForm(String(a || b || c || "").replace(/[\s\u3000]+/g, ""), table);
      if (phrase) {
        if (minus) add(exclude, phrase);
        else if (Array.from(phrase).length < 2) add(single, phrase);
        else add(include, phrase);
      }
      return " ";
    });
    rest.split(/[\s\u3000]+/).forEach(function (token) {
      if (!token) return;
      var negative = (token[0] === "-" || token[0] === "－") && token.length > 1;
      var word = corpusForm(negative ? token.slice(1) : token, table);
      if (!word) return;
      if (negative) add(exclude, word);
      else if (Array.from(word).length < 2) add(single, word);
      else add(include, word);
    });
    return { include: include, exclude: exclude, single: single };
  }

  /** Does a record hold every included word and none of the excluded ones? */
  function matches(text, query) {
    var lower = normalise(text);
    return query.include.every(function (t) { return lower.indexOf(t) >= 0; }) &&
      !query.exclude.some(function (t) { return lower.indexOf(t) >= 0; });
  }

  /** The bytes of a base64 payload (the binary data scripts). */
  function fromBase64(text) {
    var binary = typeof atob === "function" ? atob(text) : Buffer.from(text, "base64").toString("binary");
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  return {
    FORMAT_VERSION: FORMAT_VERSION, normalise: normalise, bigrams: bigrams, fnv1a: fnv1a, decodeShard: decodeShard,
    intersect: intersect, checkMeta: checkMeta, speech: speech, theme: theme, record: record, holdsAll: holdsAll,
    queryTerms: queryTerms, t2sTable: t2sTable, corpusForm: corpusForm, parseQuery: parseQuery, matches: matches,
    fromBase64: fromBase64
  };
});
