//! Argon2id password hashes in PHC string form (salt and parameters included).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand_core::OsRng;

pub const MIN_PASSWORD_CHARS: usize = 6;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PasswordError {
    #[error("密码至少需要 {MIN_PASSWORD_CHARS} 个字符")]
    TooShort,
    #[error("新密码不能与用户名相同")]
    SameAsName,
    #[error("密码哈希失败：{0}")]
    Hash(String),
}

pub fn hash_password(password: &str) -> Result<String, PasswordError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| PasswordError::Hash(e.to_string()))
}

/// False for a wrong password and for a malformed stored hash alike: neither may log in.
pub fn verify_password(password: &str, stored_hash: &str) -> bool {
    match PasswordHash::new(stored_hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Rules for a password a user chooses (not for the documented initial ones).
pub fn check_new_password(user_name: &str, password: &str) -> Result<(), PasswordError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(PasswordError::TooShort);
    }
    if password == user_name {
        return Err(PasswordError::SameAsName);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_verifies_only_the_same_password() {
        let h = hash_password("s3cret-密码").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("s3cret-密码", &h));
        assert!(!verify_password("s3cret", &h));
        assert!(!verify_password("s3cret-密码", "not a hash"));
    }

    #[test]
    fn salts_differ() {
        assert_ne!(
            hash_password("abcdef").unwrap(),
            hash_password("abcdef").unwrap()
        );
    }

    #[test]
    fn new_password_rules() {
        assert_eq!(
            check_new_password("zhang", "12345"),
            Err(PasswordError::TooShort)
        );
        assert_eq!(
            check_new_password("zhangsan", "zhangsan"),
            Err(PasswordError::SameAsName)
        );
        assert!(check_new_password("admin", "better-one").is_ok());
    }
}
