"use client";
import {
  ArrowDown,
  ArrowUp,
  IndentDecrease,
  IndentIncrease,
  Merge,
  Plus,
  Scissors,
  Trash2,
} from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DRAFT_MAX_DEPTH, sentencesOf, type TDraftEdit, type TDraftNode } from "../lib/draft-tree";

type TProps = {
  node: TDraftNode;
  depth: number;
  code: string;
  first: boolean;
  last: boolean;
  onEdit: (e: TDraftEdit) => void;
};

const iconBtn =
  "inline-flex h-8 w-8 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 disabled:opacity-30";

/** One node of the preview: its title (editable), its actions, its source text beside it, its children. */
export function DraftNode({ node, depth, code, first, last, onEdit }: TProps) {
  const t = useTranslations("planImport.node");
  const levels = useTranslations("planImport.levels");
  const tp = useTranslations("planImport.preview");
  const [panel, setPanel] = useState<null | "split" | "add" | "drop">(null);
  const [newTitle, setNewTitle] = useState("");
  const sentences = panel === "split" ? sentencesOf(node) : [];
  const act = (e: TDraftEdit) => {
    setPanel(null);
    onEdit(e);
  };
  const tool = (label: string, icon: React.ReactNode, on: { click: () => void; disabled?: boolean }) => (
    <button
      type="button"
      className={iconBtn}
      aria-label={label}
      title={label}
      onClick={on.click}
      disabled={on.disabled}
    >
      {icon}
    </button>
  );
  return (
    <li data-testid="draft-node" data-code={code}>
      <div className="grid gap-2 rounded-md border border-slate-200 bg-white p-2 md:grid-cols-2">
        <div className="min-w-0">
          <div className="mb-1 flex items-center gap-2">
            <Badge tone={depth === DRAFT_MAX_DEPTH ? "green" : depth === 1 ? "red" : "blue"}>
              {levels(String(Math.min(depth, 3)) as "1")}
            </Badge>
            <span className="font-mono text-xs text-slate-500">{code}</span>
          </div>
          <input
            key={node.title}
            aria-label={`${t("title")} ${code}`}
            defaultValue={node.title}
            onBlur={(e) =>
              e.target.value.trim() !== node.title &&
              act({ op: "rename", id: node.id, title: e.target.value })
            }
            onKeyDown={(e) => e.key === "Enter" && (e.target as HTMLInputElement).blur()}
            className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
          <div role="toolbar" aria-label={t("actions")} className="mt-1 flex flex-wrap gap-0.5">
            {tool(t("up"), <ArrowUp size={16} />, {
              click: () => act({ op: "up", id: node.id }),
              disabled: first,
            })}
            {tool(t("down"), <ArrowDown size={16} />, {
              click: () => act({ op: "down", id: node.id }),
              disabled: last,
            })}
            {tool(t("indent"), <IndentIncrease size={16} />, {
              click: () => act({ op: "indent", id: node.id }),
              disabled: first,
            })}
            {tool(t("outdent"), <IndentDecrease size={16} />, {
              click: () => act({ op: "outdent", id: node.id }),
              disabled: depth === 1,
            })}
            {tool(t("mergeNext"), <Merge size={16} />, {
              click: () => act({ op: "mergeNext", id: node.id }),
              disabled: last,
            })}
            {tool(t("split"), <Scissors size={16} />, {
              click: () => setPanel(panel === "split" ? null : "split"),
            })}
            {depth === DRAFT_MAX_DEPTH - 1
              ? tool(t("addMeasure"), <Plus size={16} />, {
                  click: () => setPanel(panel === "add" ? null : "add"),
                })
              : null}
            {tool(t("drop"), <Trash2 size={16} />, {
              click: () => setPanel(panel === "drop" ? null : "drop"),
            })}
          </div>
        </div>
        <p className="rounded bg-slate-50 p-2 text-xs leading-relaxed break-words text-slate-600">
          <span className="sr-only">{code} </span>
          {node.sourceText || <span className="text-slate-400">{tp("noSource")}</span>}
        </p>
      </div>
      {panel === "split" ? (
        <div className="mt-1 grid gap-1 rounded-md border border-dashed border-slate-300 p-2 text-sm">
          {sentences.length < 2 ? (
            <p className="text-slate-500">{t("splitNone")}</p>
          ) : (
            sentences.slice(1).map((s, i) => (
              <button
                key={i}
                type="button"
                className="rounded px-2 py-1 text-left hover:bg-slate-100"
                onClick={() => act({ op: "split", id: node.id, at: i + 1 })}
              >
                <span className="font-medium">{t("splitAt", { n: i + 2 })}</span>
                <span className="ml-2 text-xs text-slate-500">{s.slice(0, 30)}</span>
              </button>
            ))
          )}
        </div>
      ) : null}
      {panel === "add" ? (
        <div className="mt-1 flex flex-wrap items-center gap-2 rounded-md border border-dashed border-slate-300 p-2">
          <input
            aria-label={t("newMeasure")}
            placeholder={t("newMeasure")}
            value={newTitle}
            onChange={(e) => setNewTitle(e.target.value)}
            className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
          <Button
            size="sm"
            type="button"
            disabled={!newTitle.trim()}
            onClick={() => {
              act({ op: "addMeasure", id: node.id, title: newTitle });
              setNewTitle("");
            }}
          >
            {t("add")}
          </Button>
        </div>
      ) : null}
      {panel === "drop" ? (
        <div className="mt-1 flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 p-2 text-sm">
          <span className="text-red-800">{t("dropConfirm", { title: node.title })}</span>
          <Button size="sm" variant="danger" type="button" onClick={() => act({ op: "drop", id: node.id })}>
            {t("drop")}
          </Button>
          <Button size="sm" variant="secondary" type="button" onClick={() => setPanel(null)}>
            {t("cancel")}
          </Button>
        </div>
      ) : null}
      {node.children.length > 0 ? (
        <ul className="mt-2 ml-3 grid gap-2 border-l border-slate-200 pl-2 md:ml-6 md:pl-3">
          {node.children.map((c, i) => (
            <DraftNode
              key={c.id}
              node={c}
              depth={depth + 1}
              code={`${code}.${i + 1}`}
              first={i === 0}
              last={i === node.children.length - 1}
              onEdit={onEdit}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
