"use client";
import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";

export function LogoutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="inline-flex items-center gap-1 rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900"
    >
      <LogOut className="size-4" aria-hidden />
      <span>{label}</span>
    </button>
  );
}
