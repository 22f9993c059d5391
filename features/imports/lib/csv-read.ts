// CSV as people save it from Excel or WPS: UTF-8 (with or without a BOM) or GB18030 (GBK, the
// Chinese-locale default of "CSV (逗号分隔)"). Bytes that are valid UTF-8 are UTF-8; anything else is
// decoded as GB18030 (Node's built-in ICU, no extra package). Fields follow RFC 4180: commas,
// double quotes with "" inside, CRLF or LF line ends, line breaks inside quotes.

export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** The records of a CSV text, one string array each (a trailing line end yields no empty record). */
export function* csvRecords(text: string): Generator<string[]> {
  let field = "";
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      yield record;
      record = [];
      field = "";
    } else field += c;
    i++;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    yield record;
  }
}
