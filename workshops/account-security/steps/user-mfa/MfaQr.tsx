"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The otpauth URI as a QR code, drawn here in the browser on a canvas (the seed never
 * becomes an image on the server; moto's QRCodePNG is not even a PNG). Sharp on high-DPI
 * screens, with the quiet zone scanners need.
 */
export function MfaQr({ uri, label }: { uri: string; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const ratio = Math.min(3, Math.max(1, Math.round(window.devicePixelRatio || 1)));
    setDrawn(false);
    let current = true;
    // The QR library is loaded only when a code is drawn (step 6), not with the page.
    void import("qrcode").then(({ default: QRCode }) => {
      if (!current) return;
      QRCode.toCanvas(el, uri, { errorCorrectionLevel: "M", margin: 4, width: 240 * ratio }, (error) => {
        if (error || !current) return;
        const css = `${Math.round(el.width / ratio)}px`;
        el.style.width = css;
        el.style.height = css;
        setDrawn(true);
      });
    }, () => {
      // The chunk did not load (network gone): the canvas stays blank and data-drawn false.
    });
    return () => {
      current = false;
    };
  }, [uri]);

  return (
    <canvas
      ref={canvas}
      role="img"
      aria-label={label}
      data-testid="mfa-qr"
      data-drawn={drawn}
      className="block rounded-lg border border-stone-200 bg-white [image-rendering:pixelated]"
      width={240}
      height={240}
    />
  );
}
