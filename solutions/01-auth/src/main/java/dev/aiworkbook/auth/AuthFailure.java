package dev.aiworkbook.auth;

/** Why a provider refused the credentials. */
public enum AuthFailure {
    /** A key was sent, and the provider does not accept it (wrong, revoked, or for another project). */
    INVALID_KEY,
    /** No key reached the provider: a missing header, or a header the provider does not read. */
    MISSING_KEY,
    /** The key is valid but may not do this (a restricted key, a region, a model it has no access to). */
    PERMISSION_DENIED
}
