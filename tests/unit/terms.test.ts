import { describe, expect, it } from "vitest";
import { messages } from "@/messages";

// The terminology and style rules of docs/TERMS.md, as checks on messages/{ja,en}. Each rule
// names what it forbids and what to write instead, so a failure says how to fix it.

function leaves(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const ja = leaves(messages.ja);
const en = leaves(messages.en);
const jaText = new Map(ja);
const enText = new Map(en);

type Rule = {
  /** What is wrong, and what to write instead. */
  rule: string;
  forbid: RegExp;
  /** Keys allowed to break the rule, with the reason in a comment. */
  except?: string[];
};

const JP = "[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々]";
const LATIN = "[A-Za-z0-9#{}]";

const JA_RULES: Rule[] = [
  {
    rule: "「作る」ではなく「作成」（コンソールのボタンと同じ）。パスワードや名前は「生成」",
    forbid: /作[らりるれろっ]/u,
    // The hands-on's own title, quoted as it is.
    except: ["common.tagline", "landing.lead"],
  },
  { rule: "コロンは半角「: 」だけ（全角「：」は使わない）", forbid: /：/u },
  { rule: "半角コロンのあとには半角スペース（時刻「15:50」と URL は別）", forbid: /(?<!\d):(?![\s/]|$)|(?<=\D):(?=\d)/u },
  { rule: "日本語と英数字・プレースホルダーのあいだには半角スペース", forbid: new RegExp(`${JP}[A-Za-z0-9#{]|[A-Za-z0-9#}]${JP}`, "u") },
  { rule: "「あなたの」は使わない（「このアカウント」「ニックネーム」など、指すものを書く）", forbid: /あなた/u },
  { rule: "グループ名は「admin グループ」の形（「グループ admin」は使わない）", forbid: /グループ\s*[「(（]?admin/u },
  { rule: "IAM のグループはコンソールと同じ「ユーザーグループ」（「IAM グループ」は使わない）", forbid: /IAM グループ/u },
  { rule: "「進み具合」ではなく「進捗」", forbid: /進み具合/u },
  { rule: "S3 の設定名はコンソールと同じ「パブリックアクセスをブロック」", forbid: /公開アクセス/u },
  { rule: "GuardDuty の項目名はコンソールと同じ「検出結果タイプ」", forbid: /検出タイプ/u },
  { rule: "PORT_PROBE は「ポートプローブ」", forbid: /ポートへの探り/u },
  { rule: "「セキュリティ認証情報」の古い名前（マイセキュリティ資格情報）は使わない", forbid: /セキュリティ資格情報/u },
  { rule: "ルートのアクセスキーは「無効化」ではなく「アクション」→「削除」、確認で「非アクティブ化」", forbid: /「無効化」してから/u },
];

const EN_RULES: Rule[] = [
  { rule: "Name the group as “the admin group” (not “the group admin”)", forbid: /\bgroup admin\b/i },
  { rule: "IAM groups are “user groups”, as in the console (not “IAM group”)", forbid: /\bIAM groups?\b/ },
  { rule: "PORT_PROBE is a “Port probe”", forbid: /probing for ports/i },
  { rule: "“My Security Credentials” is the console's old name: say “Security credentials”", forbid: /My Security Credentials/ },
];

function offenders(texts: [string, string][], { forbid, except = [] }: Rule): string[] {
  return texts.filter(([key, text]) => !except.includes(key) && forbid.test(text)).map(([key, text]) => `${key}: ${text}`);
}

describe("terms and style (docs/TERMS.md)", () => {
  for (const rule of JA_RULES) {
    it(`ja: ${rule.rule}`, () => {
      expect(offenders(ja, rule)).toEqual([]);
    });
  }
  for (const rule of EN_RULES) {
    it(`en: ${rule.rule}`, () => {
      expect(offenders(en, rule)).toEqual([]);
    });
  }

  it("region names are the console's, in both languages", () => {
    const jaForm = /^(米国東部|米国西部|アジアパシフィック|欧州|カナダ|南米) \(.+\)$/u;
    const enForm = /^(US East|US West|Asia Pacific|Europe|Canada|South America) \(.+\)$/u;
    const bad = [
      ...ja.filter(([k, v]) => k.startsWith("credentials.regions.") && !jaForm.test(v)),
      ...en.filter(([k, v]) => k.startsWith("credentials.regions.") && !enForm.test(v)),
    ];
    expect(bad).toEqual([]);
    expect(jaText.get("credentials.regions.ap-northeast-1")).toBe("アジアパシフィック (東京)");
    expect(enText.get("credentials.regions.ap-northeast-1")).toBe("Asia Pacific (Tokyo)");
  });

  // The console-only steps are all an attendee has: the console's own names must be in them.
  const walk = (texts: Map<string, string>, prefix: string) =>
    [...texts].filter(([k]) => k.startsWith(prefix)).map(([, v]) => v).join("\n");
  const consoleNames: [string, Map<string, string>, string, string[]][] = [
    ["ja", jaText, "steps.root-access-keys.console.", ["「セキュリティ認証情報」", "「アクセスキー」", "「アクション」", "「削除」", "「非アクティブ化」"]],
    ["en", enText, "steps.root-access-keys.console.", ["“Security credentials”", "“Access keys”", "“Actions”", "“Delete”", "“Deactivate”"]],
    [
      "ja",
      jaText,
      "steps.root-mfa.console.",
      ["「MFA デバイスの割り当て」", "「認証アプリケーション」", "「次へ」", "「QR コードを表示」", "「MFA コード 1」", "「MFA コード 2」", "「MFA を追加」"],
    ],
    ["en", enText, "steps.root-mfa.console.", ["“Assign MFA device”", "“Authenticator app”", "“Next”", "“Show QR code”", "“MFA code 1”", "“MFA code 2”", "“Add MFA”"]],
    ["ja", jaText, "steps.sample-findings.", ["「設定」", "「結果サンプルの生成」"]],
    ["en", enText, "steps.sample-findings.", ["“Settings”", "“Generate sample findings”"]],
    ["ja", jaText, "steps.teardown.manual.", ["「削除」", "「空にする」", "「GuardDuty の無効化」", "「アジアパシフィック (東京)」"]],
    ["en", enText, "steps.teardown.manual.", ["“Delete”", "“Empty”", "“Disable GuardDuty”", "“Asia Pacific (Tokyo)”"]],
  ];
  for (const [locale, texts, prefix, names] of consoleNames) {
    it(`${locale}: ${prefix}* quote the console's own names`, () => {
      const all = walk(texts, prefix);
      expect(names.filter((name) => !all.includes(name))).toEqual([]);
    });
  }
});
