import { AppShell } from "@/components/app-shell/app-shell";
import { requireSignedIn } from "@/lib/auth/session";

// The shell needs the user for its navigation; every page still checks its own access (requireUser
// also sends a user who must change a manager-set password to /account/password, the one page
// that admits them; the shell then shows no navigation).
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const { user, mustChangePassword } = await requireSignedIn();
  return (
    <AppShell user={user} restricted={mustChangePassword}>
      {children}
    </AppShell>
  );
}
