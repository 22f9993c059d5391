"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { extendSessionAction } from "@/features/auth/actions";

const WARN_BEFORE_MS = 2 * 60_000;
const TICK_MS = 1_000;
// Tabs of one browser share the session: the latest time it was extended is shared through storage.
const STORAGE_KEY = "utt.session.seen";

/**
 * The idle timeout seen from the browser. The server ends a session `idleMinutes` after its last
 * request; activity on a page that makes none (reading, typing a long narrative) extends it quietly
 * now and then. Two minutes before the end a dialog offers 继续 / 退出; at the end the browser goes
 * to the login page.
 */
export function IdleWarning({ idleMinutes }: { idleMinutes: number }) {
  const t = useTranslations("session");
  const idleMs = idleMinutes * 60_000;
  // Quiet extensions on activity: at most every 5 minutes (sooner for very short limits).
  const extendEvery = Math.min(5 * 60_000, idleMs / 3);
  const seen = useRef(0); // when the server last saw this session, as far as this tab knows
  const active = useRef(0); // the user's last activity
  const [left, setLeft] = useState<number | null>(null); // ms left while the warning shows
  const busy = useRef(false);

  const markSeen = useCallback((at: number) => {
    seen.current = Math.max(seen.current, at);
    try {
      localStorage.setItem(STORAGE_KEY, String(seen.current));
    } catch {
      // storage may be unavailable (private mode); this tab still works on its own
    }
  }, []);

  const toLogin = useCallback(() => {
    const here = `${window.location.pathname}${window.location.search}`;
    window.location.assign(`/login?callbackUrl=${encodeURIComponent(here)}`);
  }, []);

  const extend = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      const res = await extendSessionAction();
      if (!res.ok) return toLogin();
      markSeen(Date.now());
      setLeft(null);
    } finally {
      busy.current = false;
    }
  }, [markSeen, toLogin]);

  useEffect(() => {
    // The page was just rendered by the server, which saw the session then.
    markSeen(Date.now());
    active.current = Date.now();
    const onActivity = () => {
      active.current = Date.now();
    };
    const onStorage = (e: StorageEvent) => {
      if (e.key === STORAGE_KEY && e.newValue) seen.current = Math.max(seen.current, Number(e.newValue) || 0);
    };
    const events = ["pointerdown", "keydown", "scroll", "touchstart"] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true });
    window.addEventListener("storage", onStorage);
    const timer = window.setInterval(() => {
      const now = Date.now();
      const remaining = seen.current + idleMs - now;
      if (remaining <= 0) return toLogin();
      if (remaining <= WARN_BEFORE_MS) return setLeft(remaining);
      setLeft(null);
      if (active.current > seen.current && now - seen.current >= extendEvery) void extend();
    }, TICK_MS);
    return () => {
      window.clearInterval(timer);
      for (const e of events) window.removeEventListener(e, onActivity);
      window.removeEventListener("storage", onStorage);
    };
  }, [idleMs, extendEvery, extend, markSeen, toLogin]);

  const open = left !== null;
  const seconds = Math.max(0, Math.ceil((left ?? 0) / 1000));
  const time = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  return (
    <Dialog.Root open={open} onOpenChange={(o) => (o ? undefined : void extend())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          role="alertdialog"
          data-testid="idle-warning"
          className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl"
        >
          <Dialog.Title className="text-lg font-semibold">{t("idleTitle")}</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-slate-600">
            {t("idleBody", { time })}
          </Dialog.Description>
          <div className="mt-5 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => void signOut({ callbackUrl: "/login" })}>
              {t("logout")}
            </Button>
            <Button variant="primary" onClick={() => void extend()} autoFocus>
              {t("continue")}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
