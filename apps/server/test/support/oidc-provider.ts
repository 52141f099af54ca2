import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface TestProvider {
  /** http://127.0.0.1:<port>, for PROCONNECT_ISSUER. */
  issuer: string;
  /** Who logs in at the provider's screen from now on (their e-mail is the account id). */
  loginAs(email: string): void;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider) on a local port, shaped like ProConnect: authorization
 * code with PKCE required, client_secret_post, scopes openid email given_name usual_name, the
 * e-mail only in userinfo, which comes as a signed JWT. Its login and consent screens are
 * answered at once for the person named by `loginAs`: the one step a test cannot type into.
 */
export async function startTestProvider(opts: { redirectUri: string; clientId: string; clientSecret: string }): Promise<TestProvider> {
  let who = "";
  let provider: Provider | null = null;
  const server = createServer((req, res) => {
    if (!provider) {
      res.statusCode = 503;
      res.end();
      return;
    }
    const p = provider;
    if (req.url?.startsWith("/interaction/")) {
      void (async () => {
        const details = await p.interactionDetails(req, res);
        if (details.prompt.name === "login") {
          await p.interactionFinished(req, res, { login: { accountId: who } }, { mergeWithLastSubmission: false });
        } else {
          const grant = new p.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
          grant.addOIDCScope(String(details.params.scope));
          await p.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
        }
      })().catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    p.callback()(req, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: [opts.redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
        userinfo_signed_response_alg: "RS256",
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test", alg: "RS256", use: "sig" }] as never },
    scopes: ["openid", "email", "given_name", "usual_name"],
    claims: { openid: ["sub"], email: ["email"], given_name: ["given_name"], usual_name: ["usual_name"] },
    features: { devInteractions: { enabled: false }, jwtUserinfo: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ["cle-de-cookies-du-fournisseur-de-test"] },
    findAccount: (_ctx, accountId) => ({
      accountId,
      claims: () => ({ sub: `agent-${accountId}`, email: accountId, given_name: "Camille", usual_name: "Agent" }),
    }),
  });
  provider.on("server_error", (_ctx, error) => console.error("fournisseur OpenID de test :", error));
  return {
    issuer,
    loginAs: (email) => {
      who = email;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
