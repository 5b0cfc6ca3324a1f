"use client";

import NextError from "next/error";

// Requests outside any locale (e.g. /foo.txt) end here.
export default function GlobalNotFound() {
  return (
    <html lang="ja">
      <body>
        <NextError statusCode={404} />
      </body>
    </html>
  );
}
