/* zuzhi-kb search, the pure core: normalisation, query parsing, hashing, shard and posting decoding,
 * finding words by their bigrams' positions, totals and facets, records with named fields. No DOM and no network here, so the same test vectors run in Node
 * (tests/js/search_core.test.js) and Python (tests/test_search_vectors.py). The format is specified
 * in build_kb/publish/SEARCH_FORMAT.md.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.KBSearchCore = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FORMAT_VERSION = 7;
  var SHARD_MAGIC = [0x4b, 0x42, 0x53, 0x34]; // "KBS4"
  var RUNS_MAGIC = [0x4b, 0x42, 0x52, 0x34];  // "KBR4"
  var SENTENCE_MAGIC = [0x4b, 0x42, 0x42, 0x31];  // "KBB1"
  // The same invisible characters the build strips from texts (build_kb/text.py FORMAT_CHARACTERS).
  var INVISIBLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

  // Radicals and compatibility ideographs, as a PDF's text layer gives them (⼯ for 工): the texts
  // have the ordinary characters (build_kb/publish/search_index.py _UNIFIED; build_kb/text.py COMPATIBILITY_FORMS).
  var COMPATIBILITY = /[\u2e80-\u2ef3\u2f00-\u2fd5\uf900-\ufad9\u{2f800}-\u{2fa1d}]/gu;
  // The CJK Radicals Supplement forms NFKC leaves alone (常⻅ for 常见): build_kb/text.py RADICAL_FORMS
  // (some stand for ideographs outside the BMP, so the table is kept as arrays of code points).
  var RADICAL_FROM = Array.from("⺁⺂⺃⺄⺅⺇⺈⺉⺊⺋⺌⺍⺎⺏⺐⺑⺒⺓⺔⺕⺖⺗⺘⺙⺛⺜⺝⺞⺠⺡⺢⺣⺤⺦⺧⺨⺩⺪⺫⺬⺭⺮⺯⺰⺱⺲⺳⺴⺶⺹⺺⺻⺼⺽⺾⺿⻀⻁⻂⻃⻄⻅⻆⻇⻈⻉⻊⻋⻌⻍⻎⻏⻐⻑⻒⻓⻔⻕⻖⻗⻘⻙⻚⻛⻜⻝⻞⻟⻠⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲");
  var RADICAL_TO = Array.from("厂乛乚乙亻几刀刂卜㔾小𭕄兀尣尢尢巳幺彑彐忄心扌攵旡日月歺民氵氺灬爫丬牛犭王疋罒示礻𥫗糹纟罓罒㓁网羊耂肀聿肉臼艹艹艹虎衤覀西见角𧢲讠贝𧾷车辶辶辶阝钅長镸长门𨸏阝雨青韦页风飞食𩙿飠饣𩠐马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀");

  function normalise(text) {
    return text.replace(INVISIBLE, "").replace(/[\uff01-\uff5e]/g, function (c) {
      var h = String.fromCharCode(c.charCodeAt(0) - 0xfee0);
      return /[0-9A-Za-z]/.test(h) ? h : c;
    }).replace(COMPATIBILITY, function (c) {
      var k = RADICAL_FROM.indexOf(c);
      return k >= 0 ? RADICAL_TO[k] : c.normalize("NFKC");
    }).toLowerCase();
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

  function checkMagic(bytes, magic, name) {
    for (var m = 0; m < 4; m++) if (bytes[m] !== magic[m]) throw new Error("not a zuzhi-kb " + name + " (magic " + String.fromCharCode.apply(null, magic) + " expected)");
  }

  /** A shard file → Map(bigram → its posting bytes), decoded lazily by `decodePosting`. Throws on a wrong magic or a cut file. */
  function decodeShard(bytes) {
    checkMagic(bytes, SHARD_MAGIC, "search shard");
    var count = (bytes[4] | (bytes[5] << 8) | (bytes[6] << 16) | (bytes[7] << 24)) >>> 0;
    var decoder = new TextDecoder(), map = new Map(), pos = { i: 8 };
    for (var n = 0; n < count; n++) {
      if (pos.i >= bytes.length) throw new Error("search shard is truncated");
      var len = bytes[pos.i++], key = decoder.decode(bytes.subarray(pos.i, pos.i + len));
      pos.i += len;
      var size = readVarint(bytes, pos);
      if (pos.i + size > bytes.length) throw new Error("search shard is truncated");
      map.set(key, bytes.subarray(pos.i, pos.i + size));
      pos.i += size;
    }
    return map;
  }

  /** Posting bytes → {records, starts, positions}: the positions in record records[k] are positions[starts[k] .. starts[k+1]). */
  function decodePosting(bytes) {
    var pos = { i: 0 }, n = readVarint(bytes, pos), k;
    var records = new Int32Array(n), starts = new Int32Array(n + 1), previous = -1;
    for (k = 0; k < n; k++) { previous = previous + 1 + readVarint(bytes, pos); records[k] = previous; }
    for (k = 0; k < n; k++) starts[k + 1] = starts[k] + 1 + readVarint(bytes, pos);
    var positions = new Int32Array(starts[n]);
    for (k = 0; k < n; k++) {
      for (var j = starts[k], p = -1; j < starts[k + 1]; j++) { p = p + 1 + readVarint(bytes, pos); positions[j] = p; }
    }
    if (pos.i !== bytes.length) throw new Error("search posting has trailing bytes");
    return { records: records, starts: starts, positions: positions };
  }

  /**
   * Offsets of the bigrams that pin every character of a word: 0, 2, 4 … and the last pair. The
   * index has no pair of a character and the punctuation after it (`marks`, a Set from
   * meta.punctuation), so such a character is pinned by the pair before it instead. Null when a
   * character can be pinned by neither (one character between marks, as 一 in 一、二).
   */
  function coverOffsets(word, marks) {
    var chars = Array.from(word), length = chars.length, out = [];
    function usable(o) { return o >= 0 && o + 1 < length && !(marks && marks.has(chars[o + 1]) && !marks.has(chars[o])); }
    var i = 0;
    while (i < length) {
      if (i + 1 < length && usable(i)) { out.push(i); i += 2; }
      else if (usable(i - 1)) { if (out[out.length - 1] !== i - 1) out.push(i - 1); i += 1; }
      else return length < 2 ? [] : null;
    }
    return out;
  }

  function hasPosition(posting, k, value) {
    var lo = posting.starts[k], hi = posting.starts[k + 1] - 1, ps = posting.positions;
    while (lo <= hi) { var mid = (lo + hi) >> 1; if (ps[mid] === value) return true; if (ps[mid] < value) lo = mid + 1; else hi = mid - 1; }
    return false;
  }

  function findRecord(posting, record, from) {
    var lo = from, hi = posting.records.length - 1;
    while (lo <= hi) { var mid = (lo + hi) >> 1; if (posting.records[mid] < record) lo = mid + 1; else hi = mid - 1; }
    return lo;
  }

  /**
   * Where `word` occurs: {records (ascending), starts: for each record, the places the word starts
   * at}, every bigram of its cover at the right distance from the first. `postingOf(bigram)` gives a
   * decoded posting or null. Exact: the cover pins every character of the word to consecutive
   * positions. With `firstOnly`, one start a record is enough (what the 同段 and 同篇 scopes need).
   */
  function wordMatches(word, postingOf, marks, firstOnly) {
    var offsets = coverOffsets(word, marks) || [];
    var chars = Array.from(word), cover = offsets.map(function (o) {
      return { offset: o, posting: postingOf(chars[o] + chars[o + 1]) };
    });
    var out = { records: [], starts: [] };
    if (!cover.length || cover.some(function (c) { return !c.posting; })) return out;
    cover.sort(function (a, b) { return a.posting.records.length - b.posting.records.length; });
    var driver = cover[0], rest = cover.slice(1), cursors = rest.map(function () { return 0; });
    for (var k = 0; k < driver.posting.records.length; k++) {
      var record = driver.posting.records[k], places = [], all = true;
      for (var c = 0; c < rest.length; c++) {
        var at = findRecord(rest[c].posting, record, cursors[c]);
        cursors[c] = at;
        if (at >= rest[c].posting.records.length || rest[c].posting.records[at] !== record) { all = false; break; }
        places.push(at);
      }
      if (!all) continue;
      var starts = [];
      for (var j = driver.posting.starts[k]; j < driver.posting.starts[k + 1]; j++) {
        var start = driver.posting.positions[j] - driver.offset;
        if (start < 0) continue;
        var ok = true;
        for (c = 0; c < rest.length && ok; c++) ok = hasPosition(rest[c].posting, places[c], start + rest[c].offset);
        if (ok) { starts.push(start); if (firstOnly) break; }
      }
      if (starts.length) { out.records.push(record); out.starts.push(starts); }
    }
    return out;
  }

  /** The records (ascending) in which `word` occurs. */
  function wordRecords(word, postingOf, marks) {
    return Int32Array.from(wordMatches(word, postingOf, marks, true).records);
  }

  /** b.js: each record's sentence ends → {from, ends}: record r's are ends[from[r] .. from[r + 1]). */
  function decodeSentenceEnds(bytes) {
    checkMagic(bytes, SENTENCE_MAGIC, "sentence file");
    var pos = { i: 4 }, from = [0], ends = [];
    while (pos.i < bytes.length) {
      var n = readVarint(bytes, pos);
      for (var k = 0, p = -1; k < n; k++) { p = p + 1 + readVarint(bytes, pos); ends.push(p); }
      from.push(ends.length);
    }
    return { from: Int32Array.from(from), ends: Int32Array.from(ends) };
  }

  /**
   * 同句: the records (ascending) where one sentence holds every word. `matches` are wordMatches of
   * the included words (all starts), `lengths` their lengths in characters, `sentences` the decoded
   * b.js. A sentence runs up to and with a mark of 。！？；, so a word crossing one is in none.
   */
  function sentenceRecords(matches, lengths, sentences) {
    if (!matches.length) return [];
    var candidates = matches[0].records;
    for (var w = 1; w < matches.length; w++) candidates = intersect(candidates, matches[w].records);
    var cursors = matches.map(function () { return 0; }), out = [];
    candidates.forEach(function (record) {
      var lo = sentences.from[record], hi = sentences.from[record + 1], common = null;
      for (var w = 0; w < matches.length; w++) {
        while (matches[w].records[cursors[w]] < record) cursors[w]++;
        var here = {};
        matches[w].starts[cursors[w]].forEach(function (start) {
          var a = lo, b = hi;  // the first sentence end at or after the start
          while (a < b) { var mid = (a + b) >> 1; if (sentences.ends[mid] < start) a = mid + 1; else b = mid; }
          if (a < hi && sentences.ends[a] < start + lengths[w] - 1) return;  // the word crosses a sentence end
          if (!common || common[a - lo]) here[a - lo] = true;
        });
        common = here;
        if (!Object.keys(common).length) return;
      }
      out.push(record);
    });
    return out;
  }

  /** Record → its speech's position, by the cumulative bounds of tally (bounds[n] = speech n's first record). */
  function speechAt(bounds, record) {
    var a = 0, b = bounds.length - 1;
    while (a < b - 1) { var mid = (a + b) >> 1; if (bounds[mid] <= record) a = mid; else b = mid; }
    return a;
  }

  /** Cumulative record counts of the speeches in meta order: speech n's records are bounds[n] .. bounds[n + 1]. */
  function recordBounds(meta) {
    var bounds = [0];
    meta.speeches.forEach(function (row, n) { bounds.push(bounds[n] + row[5]); });
    return bounds;
  }

  /**
   * 同篇: the passages (ascending records) holding any included word, in the speeches that hold
   * every included word somewhere and no excluded one anywhere. `include` and `exclude` are lists
   * of ascending records, one list a word.
   */
  function speechRecords(include, exclude, bounds) {
    if (!include.length) return [];
    function speechesOf(records) {
      var set = {};
      records.forEach(function (r) { set[speechAt(bounds, r)] = true; });
      return set;
    }
    var keep = speechesOf(include[0]);
    include.slice(1).forEach(function (records) {
      var other = speechesOf(records);
      Object.keys(keep).forEach(function (n) { if (!other[n]) delete keep[n]; });
    });
    exclude.forEach(function (records) { records.forEach(function (r) { delete keep[speechAt(bounds, r)]; }); });
    var union = {};
    include.forEach(function (records) { records.forEach(function (r) { if (keep[speechAt(bounds, r)]) union[r] = true; }); });
    return Object.keys(union).map(Number).sort(function (a, b) { return a - b; });
  }

  function subtract(a, b) {
    var out = [], j = 0;
    for (var i = 0; i < a.length; i++) {
      while (j < b.length && b[j] < a[i]) j++;
      if (j >= b.length || b[j] !== a[i]) out.push(a[i]);
    }
    return out;
  }

  /** The records file: theme masks of all records, as runs → {ends, masks} (run k covers records < ends[k]). */
  function decodeRuns(bytes) {
    checkMagic(bytes, RUNS_MAGIC, "records file");
    var pos = { i: 4 }, ends = [], masks = [], total = 0;
    while (pos.i < bytes.length) { total += readVarint(bytes, pos); ends.push(total); masks.push(readVarint(bytes, pos)); }
    return { ends: Int32Array.from(ends), masks: Int32Array.from(masks) };
  }

  /**
   * Totals and facets of matched records (ascending ids). `filters` = {year, theme, speaker, level}
   * (each "" for any). A facet counts hits under every filter but its own, so choosing one value
   * still shows the others. Hits whose speech has no year (speaker, level) count under UNKNOWN, so
   * the year, speaker and level facets each add up to the total; UNKNOWN filters for them.
   * Returns {hits, speeches, perSpeech: [[position, [records…]], …] (in position order), facets: {year: {…}, theme: {…}, speaker: {…}, level: {…}}}.
   */
  var UNKNOWN = "?";
  function tally(records, meta, runs, filters) {
    var speeches = meta.speeches.map(speech), bounds = [0];
    for (var n = 0; n < speeches.length; n++) bounds.push(bounds[n] + speeches[n].records);
    var s = 0, r = 0, info = [];
    for (var k = 0; k < records.length; k++) {
      var id = records[k];
      while (bounds[s + 1] <= id) s++;
      while (runs.ends[r] <= id) r++;
      var one = speeches[s];
      info.push({ record: id, speech: s, year: one.year ? String(one.year) : UNKNOWN, speaker: one.speaker || UNKNOWN, level: one.level || UNKNOWN, mask: runs.masks[r] });
    }
    function passes(x, skip) {
      return (skip === "year" || !filters.year || x.year === filters.year) &&
        (skip === "speaker" || !filters.speaker || x.speaker === filters.speaker) &&
        (skip === "level" || !filters.level || x.level === filters.level) &&
        (skip === "theme" || filters.theme === "" || filters.theme === undefined || (x.mask & (1 << Number(filters.theme))));
    }
    var facets = { year: {}, theme: {}, speaker: {}, level: {} };
    info.forEach(function (x) {
      ["year", "speaker", "level"].forEach(function (dim) { if (passes(x, dim)) facets[dim][x[dim]] = (facets[dim][x[dim]] || 0) + 1; });
      if (passes(x, "theme")) for (var b = 0; b < 30; b++) if (x.mask & (1 << b)) facets.theme[b] = (facets.theme[b] || 0) + 1;
    });
    var kept = info.filter(function (x) { return passes(x, null); }), per = [];
    kept.forEach(function (x) {
      if (!per.length || per[per.length - 1][0] !== x.speech) per.push([x.speech, []]);
      per[per.length - 1][1].push(x.record);
    });
    return { hits: kept.length, speeches: per.length, perSpeech: per, facets: facets, bounds: bounds };
  }

  /** Section id (s2-1) → where it stands in its speech (第二部分第一节), for citations. */
  function sectionPlace(id) {
    if (!id) return "";
    if (id === "opening") return "开场白";
    if (id === "closing") return "结束语";
    var m = /^s(\d+(?:-\d+)*)$/.exec(id);
    if (!m) return "";
    var names = ["部分", "节", "点"];
    return m[1].split("-").map(function (n, i) { return "第" + chineseNumber(Number(n)) + (names[i] || ""); }).join("");
  }

  function chineseNumber(n) {
    var digits = "零一二三四五六七八九";
    if (n < 10) return digits[n];
    if (n < 20) return "十" + (n % 10 ? digits[n % 10] : "");
    if (n < 100) return digits[Math.floor(n / 10)] + "十" + (n % 10 ? digits[n % 10] : "");
    return String(n);
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
  function speech(row) {
    return { url: "speeches/" + row[6] + "/", title: row[0], date: row[1], year: row[2], speaker: row[3], level: row[4] || "", records: row[5], id: row[6] };
  }
  function theme(row) { return { id: row[0], name: row[1], colour: row[2] }; }
  /** A theme filter as an address holds it (the theme's id, so a saved link keeps its meaning when
   *  themes.yaml is reordered) → its position for tally(); "" for none or an unknown id. A bare
   *  number is the position older links held. */
  function themeIndex(meta, id) {
    if (!id) return "";
    for (var i = 0; i < meta.themes.length; i++) if (meta.themes[i][0] === id) return String(i);
    return /^\d+$/.test(id) && Number(id) < meta.themes.length ? id : "";
  }
  function record(row) { return { anchor: row[0], text: row[1], themeBits: row[2], isHeading: row[3] === 1, section: row[4] || "" }; }

  /** meta.punctuation (a string of marks) → a Set. */
  function punctuationSet(marks) { return new Set(Array.from(marks || "")); }

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
  function parseQuery(raw, table, marks) {
    var include = [], exclude = [], single = [];
    function add(list, word) {
      // Punctuation ending a word is dropped: the index has no pair of a character and the mark after
      // it. An included word left with one character goes to `single`.
      var chars = Array.from(word);
      if (marks && chars.every(function (c) { return marks.has(c); })) return;  // nothing to look for
      while (marks && marks.has(chars[chars.length - 1])) chars.pop();
      word = chars.join("");
      if (list === include && chars.length < 2) list = single;
      if (word && list.indexOf(word) < 0) list.push(word);
    }
    var rest = String(raw).replace(/(-|－)?(?:"([^"]*)"|“([^”]*)”|「([^」]*)」)/g, function (all, minus, a, b, c) {
      var phrase = corpusForm(String(a || b || c || "").replace(/[\s\u3000]+/g, ""), table);
      if (phrase) add(minus ? exclude : include, phrase);
      return " ";
    });
    rest.split(/[\s\u3000]+/).forEach(function (token) {
      if (!token) return;
      var negative = (token[0] === "-" || token[0] === "－") && token.length > 1;
      var word = corpusForm(negative ? token.slice(1) : token, table);
      if (word) add(negative ? exclude : include, word);
    });
    return { include: include, exclude: exclude, single: single };
  }

  /** Does a record hold every included word and none of the excluded ones? */
  function matches(text, query) {
    var lower = normalise(text);
    return query.include.every(function (t) { return lower.indexOf(t) >= 0; }) &&
      !query.exclude.some(function (t) { return lower.indexOf(t) >= 0; });
  }

  // pack7 (search_index.py): 7 bits per character; U+0080 + 128·k + w stands for ESCAPED[k] then w,
  // U+0300 + k for ESCAPED[k] at the very end.
  var ESCAPED = [0, 10, 13, 34, 92], PAIR = 0x80, LAST = 0x80 + 128 * ESCAPED.length;

  /** The bytes of a data script's payload, packed as 7-bit text. */
  function unpack7(text) {
    var out = new Uint8Array(Math.ceil(text.length * 14 / 8)), n = 0, acc = 0, bits = 0, groups = 0;
    function push(v) {
      acc = (acc << 7) | v; bits += 7; groups++;
      if (bits >= 8) { bits -= 8; out[n++] = (acc >> bits) & 0xff; acc &= (1 << bits) - 1; }
    }
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c < PAIR) push(c);
      else if (c < LAST) { push(ESCAPED[(c - PAIR) >> 7]); push((c - PAIR) & 0x7f); }
      else if (c < LAST + ESCAPED.length) push(ESCAPED[c - LAST]);
      else throw new Error("search data is damaged (character " + c + ")");
    }
    return out.subarray(0, Math.floor(groups * 7 / 8));
  }

  /** One CSV cell: quoted when it holds a comma, quote or line break; a cell that Excel or WPS
   * would run as a formula (starting with = + - @, a tab or a carriage return: =HYPERLINK(…) in
   * a title) gets a leading ' so it stays text. */
  function csvCell(value) {
    var cell = String(value == null ? "" : value);
    if (/^[=+\-@\t\r]/.test(cell)) cell = "'" + cell;
    return /[",\n\r]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell;
  }

  return {
    csvCell: csvCell,
    FORMAT_VERSION: FORMAT_VERSION, normalise: normalise, fnv1a: fnv1a, decodeShard: decodeShard,
    decodePosting: decodePosting, coverOffsets: coverOffsets, wordRecords: wordRecords, subtract: subtract,
    wordMatches: wordMatches, decodeSentenceEnds: decodeSentenceEnds, sentenceRecords: sentenceRecords,
    speechRecords: speechRecords, recordBounds: recordBounds, speechAt: speechAt,
    decodeRuns: decodeRuns, tally: tally, UNKNOWN: UNKNOWN, sectionPlace: sectionPlace,
    intersect: intersect, checkMeta: checkMeta, speech: speech, theme: theme, themeIndex: themeIndex, record: record,
    t2sTable: t2sTable, corpusForm: corpusForm, parseQuery: parseQuery, matches: matches,
    unpack7: unpack7, punctuationSet: punctuationSet
  };
});
