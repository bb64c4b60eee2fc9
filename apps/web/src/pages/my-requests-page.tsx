// Replaced by the screen's real implementation.
export default function MyRequestsPage() {
  return null;
}
