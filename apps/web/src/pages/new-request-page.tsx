// Replaced by the screen's real implementation.
export default function NewRequestPage() {
  return null;
}
