// Replaced by the screen's real implementation.
export default function QueuePage() {
  return null;
}
