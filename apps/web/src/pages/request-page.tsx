// Replaced by the screen's real implementation.
export default function RequestPage() {
  return null;
}
