import { apiKey } from "@better-auth/api-key";
import { APIError, betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { organization } from "better-auth/plugins";
import type { Db } from "@/db/client";
import { apiKeys, authAccounts, sessions, users, verifications, workspaceInvitations, workspaceMembers, workspaces } from "@/db/schema";
import { pendingInvitationFor } from "@/db/queries/invitations";
import { hasAnyUser, listMemberships } from "@/db/queries/workspaces";
import { API_KEY_PREFIX, API_KEY_RANDOM_LENGTH, API_KEY_START_LENGTH } from "./api-key-format";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-rules";
import { organizationAc, organizationRoles } from "./roles";
import { placeNewUser } from "./first-user";
import { authLogger } from "./logger";

export interface AuthConfig {
  secret: string;
  /** Public origin; cookies are Secure when it is https. Unset: taken from each request. */
  baseURL?: string;
  /** Anyone may sign up after the first person (otherwise only with an invitation). */
  allowSignup: boolean;
}

/**
 * better-auth on our own database (PGlite or PostgreSQL through the same drizzle handle):
 * email and password, sessions stored in the database, its rate limit on sign-in,
 * workspaces as organizations, API keys that belong to a workspace. Ids are uuids, like
 * every other key here.
 */
export function createAuth(db: Db, config: AuthConfig) {
  return betterAuth({
    secret: config.secret,
    baseURL: config.baseURL,
    logger: authLogger({ baseURLSet: config.baseURL !== undefined }),
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: users,
        session: sessions,
        account: authAccounts,
        verification: verifications,
        organization: workspaces,
        member: workspaceMembers,
        invitation: workspaceInvitations,
        apikey: apiKeys,
      },
    }),
    // better-auth's own HTTP routes for keys stay closed: through them an admin could mint a
    // key with no role and no name, rename one, or list keys past our rules. Keys are made
    // and revoked only by lib/actions/api-keys.ts, which calls the same endpoints on the
    // server (auth.api.*, which these paths do not affect); verify is server-only already.
    disabledPaths: API_KEY_HTTP_PATHS,
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: MAX_PASSWORD_LENGTH, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 120,
      // Guessing passwords costs a minute per handful of tries, per client address.
      customRules: { "/sign-in/email": { window: 60, max: 10 }, "/sign-up/email": { window: 60, max: 10 } },
    },
    advanced: {
      database: { generateId: "uuid" },
      useSecureCookies: config.baseURL?.startsWith("https://") ?? undefined,
    },
    databaseHooks: {
      // A new session starts in the person's oldest workspace, so workspace-scoped
      // better-auth routes (invitations, members) work without a switch first.
      session: {
        create: {
          before: async (session) => {
            const [first] = await listMemberships(db, session.userId);
            return { data: { ...session, activeOrganizationId: first?.workspace.id ?? null } };
          },
        },
      },
      user: {
        create: {
          // Sign-up is open for the first person (the owner) and with ALLOW_SIGNUP; anyone
          // else needs an invitation to their email address.
          before: async (user) => {
            if (!config.allowSignup && (await hasAnyUser(db)) && !(await hasPendingInvitation(db, user.email))) {
              throw new APIError("FORBIDDEN", { message: "Sign-up is by invitation only: ask a workspace admin for an invitation link" });
            }
            return { data: user };
          },
          after: async (user) => {
            await placeNewUser(db, { userId: user.id, name: user.name, email: user.email });
          },
        },
      },
    },
    plugins: [
      organization({
        ac: organizationAc,
        roles: organizationRoles,
        // Workspaces are made by the install (Personal) and by sign-up; not from the API.
        allowUserToCreateOrganization: false,
        invitationExpiresIn: 60 * 60 * 24 * 7,
      }),
      apiKey({
        // A key belongs to a workspace (referenceId = workspace id), not to a person.
        references: "organization",
        defaultPrefix: API_KEY_PREFIX,
        defaultKeyLength: API_KEY_RANDOM_LENGTH,
        startingCharactersConfig: { shouldStore: true, charactersLength: API_KEY_START_LENGTH },
        requireName: true,
        maximumNameLength: API_KEY_NAME_MAX,
        keyExpiration: { minExpiresIn: 1, maxExpiresIn: API_KEY_MAX_DAYS },
        // A key's role lives in its permissions, which only the server may set; metadata,
        // which a client could set, stays off. A key never becomes a better-auth session:
        // pages and server actions take cookies only, and routes resolve keys themselves.
        enableMetadata: false,
        enableSessionForAPIKeys: false,
        rateLimit: { enabled: true, ...API_KEY_RATE_LIMIT },
      }),
      // Last: lets server actions (sign out, switch workspace) set and clear the session cookie.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** better-auth's API-key routes a browser could reach; see `disabledPaths` above. */
export const API_KEY_HTTP_PATHS = ["/api-key/create", "/api-key/get", "/api-key/update", "/api-key/delete", "/api-key/list"];

export const API_KEY_NAME_MAX = 64;
export const API_KEY_MAX_DAYS = 365;

/**
 * Per key. The plugin's default (10 a day) would stop any script; and its window is not a
 * fixed minute: the count starts over only after a whole window passes with no request
 * (each request moves the window's start). With a minute-long window (600 a minute), a
 * client polling every 30 s would never get that quiet minute, and after 600 requests
 * (five hours) would be refused. A one-second window never counts against a client that
 * pauses a second between rounds, however long it runs, while a tight loop gets 20
 * requests, then a 429 with Retry-After: 1 (about 15 requests a second, roughly 900 a
 * minute at most, sustained).
 */
export const API_KEY_RATE_LIMIT = { timeWindow: 1000, maxRequests: 20 };

async function hasPendingInvitation(db: Db, email: string): Promise<boolean> {
  return (await pendingInvitationFor(db, email)) !== null;
}
