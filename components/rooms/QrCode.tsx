import QRCode from "qrcode";

/**
 * A QR code drawn as one SVG path from the module matrix (no HTML strings), crisp at any
 * size: on a projector, on a phone, in print.
 */
export function QrCode({ text, className = "", title }: { text: string; className?: string; title?: string }) {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const size = qr.modules.size;
  const margin = 2;
  let d = "";
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (qr.modules.get(x, y)) d += `M${x + margin} ${y + margin}h1v1h-1z`;
    }
  }
  const full = size + margin * 2;
  return (
    <svg viewBox={`0 0 ${full} ${full}`} className={className} role="img" aria-label={title ?? text} shapeRendering="crispEdges">
      <rect width={full} height={full} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
