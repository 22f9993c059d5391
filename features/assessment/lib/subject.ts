// What a 考评 result is about, for the titles "关于{year}年度{subject}考评结果的通报" and
// "{year}年度{subject}考评结果": the scheme's title without the year and the words the title
// template adds itself, so that "2026年度市级工会工作考评方案" does not become
// "2026年度2026年度市级工会工作考评方案考评结果".
export function resultSubject(title: string, year: number): string {
  const subject = title
    .trim()
    .replace(new RegExp(`^${year}\\s*年(度)?`), "")
    .replace(/(考评|考核)?((实施)?(方案|办法|细则))?$/, "")
    .trim();
  return subject || title.trim();
}
