import type { QrShape } from "@/lib/rooms/qr";

/**
 * A QR code drawn as one SVG path (no HTML strings), crisp at any size: on a projector, on a
 * phone, in print. The path is made on the server (`qrShape` in lib/rooms/qr.ts), so no QR
 * library reaches the browser.
 */
export function QrCode({ qr, className = "", title }: { qr: QrShape; className?: string; title: string }) {
  return (
    <svg viewBox={`0 0 ${qr.size} ${qr.size}`} className={className} role="img" aria-label={title} shapeRendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.path} fill="#000" />
    </svg>
  );
}
