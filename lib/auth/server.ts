import { apiKey } from "@better-auth/api-key";
import { APIError, betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { organization } from "better-auth/plugins";
import type { Db } from "@/db/client";
import { apiKeys, authAccounts, sessions, users, verifications, workspaceInvitations, workspaceMembers, workspaces } from "@/db/schema";
import { pendingInvitationFor } from "@/db/queries/invitations";
import { hasAnyUser, listMemberships } from "@/db/queries/workspaces";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-rules";
import { organizationAc, organizationRoles } from "./roles";
import { placeNewUser } from "./first-user";

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
      apiKey({ references: "organization" }),
      // Last: lets server actions (sign out, switch workspace) set and clear the session cookie.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

async function hasPendingInvitation(db: Db, email: string): Promise<boolean> {
  return (await pendingInvitationFor(db, email)) !== null;
}
