// The 公文 frame shared by the printed 通报s (completion, 考评): red masthead with the issuer and the
// optional 发文字号, centred title, body, signature (issuer and date) at the bottom right; prints on
// A4 without the app shell (which is print:hidden) or the page's shadow and border.

const A4 = `@page { size: A4; margin: 25mm 20mm 22mm; }
@media print { body { background: #fff !important; } .bulletin { box-shadow: none !important; border: 0 !important; padding: 0 !important; } }`;

/** Cells of a 公文 table: ruled in black, figures centred. */
export const DOC_TH = "border border-slate-800 px-2 py-1.5 font-semibold";
export const DOC_TD = "border border-slate-800 px-2 py-1 text-center tabular-nums";

export function OfficialDocument({
  issuer,
  docNo,
  title,
  signature,
  testId,
  children,
}: {
  /** The masthead: the issuing org's name. */
  issuer: string;
  /** 发文字号, printed under the masthead when given. */
  docNo?: string | null;
  title: string;
  /** The lines at the bottom right (issuer, date). */
  signature: readonly string[];
  /** data-testid of the document; its 发文字号 gets `<testId>-doc-no`. */
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <article
      className="bulletin mx-auto max-w-[210mm] border border-slate-200 bg-white px-6 py-8 font-serif text-[15px] leading-8 text-black shadow-sm sm:px-14"
      data-testid={testId}
    >
      <style>{A4}</style>
      <header className="border-b-2 border-red-700 pb-3 text-center">
        <p className="text-3xl font-bold tracking-widest break-words text-red-700">{issuer}</p>
        {docNo ? (
          <p className="mt-3 text-base leading-7" data-testid={`${testId}-doc-no`}>
            {docNo}
          </p>
        ) : null}
      </header>
      <h1 className="mt-6 mb-5 text-center text-xl leading-9 font-bold break-words">{title}</h1>
      {children}
      <footer className="mt-12 text-right leading-8">
        {signature.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </footer>
    </article>
  );
}

/** A document table that scrolls sideways on a phone: focusable (the keyboard can scroll it) and named. */
export function DocTable({
  label,
  testId,
  minWidth = "min-w-[560px]",
  children,
}: {
  label: string;
  testId: string;
  minWidth?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      <table className={`w-full ${minWidth} border-collapse text-sm leading-6`} data-testid={testId}>
        {children}
      </table>
    </div>
  );
}
