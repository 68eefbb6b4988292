/** The app's name where the sidebar and the drawer start. */
export function Brand() {
  return (
    <div>
      <p className="text-lg font-semibold tracking-tight">Venuefolio</p>
      <p className="text-xs text-fg-subtle">exact equity across every venue</p>
    </div>
  );
}
