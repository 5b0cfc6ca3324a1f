/**
 * The sign-in details file, laid out like the one the IAM console offers after creating a
 * user (User name, Password, Console sign-in URL). Made in the browser: the password
 * never comes back from the server.
 */
export type SignInDetails = { userName: string; password: string; signInUrl: string };

const HEADER = ["User name", "Password", "Console sign-in URL"];

/** RFC 4180: quote a field holding a comma, quote or line break; double inner quotes. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function credentialsCsv({ userName, password, signInUrl }: SignInDetails): string {
  return [HEADER, [userName, password, signInUrl]].map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}

export function credentialsCsvFileName(userName: string): string {
  return `${userName}_credentials.csv`;
}
