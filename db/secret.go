package db

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"

	"golang.org/x/crypto/bcrypt"
)

// NewSecret returns n random bytes, base64url-encoded, for session cookies, API tokens and generated passwords.
func NewSecret(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashSecret is how session cookies and API tokens are stored: only their SHA-256, which is enough for
// long random secrets.
func HashSecret(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// TokenPrefix marks API token secrets, so that leaked ones are easy to recognise.
const TokenPrefix = "wm_"

// HashPassword hashes a password with bcrypt (cost 0 means bcrypt's default) after checking its length.
func HashPassword(password string, cost int) (string, error) {
	if len([]rune(password)) < 8 {
		return "", FieldErrorf("password", "密码至少 8 个字符")
	}
	if len(password) > 72 {
		return "", FieldErrorf("password", "密码不能超过 72 字节")
	}
	if cost == 0 {
		cost = bcrypt.DefaultCost
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), cost)
	return string(h), err
}

// CheckPassword reports whether password matches the bcrypt hash.
func CheckPassword(hash, password string) bool {
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) == nil
}
