"use client";

import "./globals.css";

// When even the page's layout fails, no translations are loaded: say it in both languages,
// the one of the address first.
const TEXT = {
  ja: { title: "問題が起きました", body: "ページを表示できませんでした。少し待ってから再読み込みしてください。直らない場合は運営スタッフに声をかけてください。", retry: "もう一度試す" },
  en: { title: "Something went wrong", body: "This page could not be shown. Wait a moment and reload. If that does not help, ask the staff.", retry: "Try again" },
};

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const first = typeof window !== "undefined" && window.location.pathname.startsWith("/en") ? "en" : "ja";
  const order = first === "en" ? (["en", "ja"] as const) : (["ja", "en"] as const);
  return (
    <html lang={first}>
      <body className="min-h-screen bg-stone-50 text-stone-900">
        <main className="mx-auto max-w-xl space-y-8 px-4 py-12">
          {order.map((lang) => (
            <section key={lang} lang={lang}>
              <h1 className="text-2xl font-bold">{TEXT[lang].title}</h1>
              <p role={lang === first ? "alert" : undefined} className="mt-3 text-stone-700">
                {TEXT[lang].body}
              </p>
              <button
                type="button"
                onClick={() => reset()}
                className="mt-4 inline-flex min-h-10 items-center rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white"
              >
                {TEXT[lang].retry}
              </button>
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}
