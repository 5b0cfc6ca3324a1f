import { describe, expect, it } from "vitest";
import { credentialsCsv, credentialsCsvFileName } from "@/lib/workshop/credentials-csv";
import { consoleSignInUrl } from "@/lib/workshop/sign-in-url";

describe("console sign-in URL", () => {
  it("uses the account id or alias, per partition", () => {
    expect(consoleSignInUrl("123456789012")).toBe("https://123456789012.signin.aws.amazon.com/console");
    expect(consoleSignInUrl("my-team", "aws")).toBe("https://my-team.signin.aws.amazon.com/console");
    expect(consoleSignInUrl("123456789012", "aws-cn")).toBe("https://123456789012.signin.amazonaws.cn/console");
    expect(consoleSignInUrl("123456789012", "aws-us-gov")).toBe("https://123456789012.signin.amazonaws-us-gov.com/console");
  });
});

describe("sign-in details CSV", () => {
  const url = "https://123456789012.signin.aws.amazon.com/console";

  it("has the console's columns and CRLF lines", () => {
    expect(credentialsCsv({ userName: "taro", password: "Kd7#mPq2xW!vT9", signInUrl: url })).toBe(
      `User name,Password,Console sign-in URL\r\ntaro,Kd7#mPq2xW!vT9,${url}\r\n`,
    );
    expect(credentialsCsvFileName("taro")).toBe("taro_credentials.csv");
  });

  it("quotes a password holding a comma or a quote", () => {
    const csv = credentialsCsv({ userName: "a,b", password: 'pa"ss,word', signInUrl: url });
    expect(csv.split("\r\n")[1]).toBe(`"a,b","pa""ss,word",${url}`);
  });
});
