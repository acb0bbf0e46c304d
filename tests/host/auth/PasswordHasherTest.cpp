#include "auth/PasswordHasher.h"

#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace killrvideo::host {
namespace {

// The minimum cost keeps the suite fast; one test checks the production cost.
const PasswordHasher kFastHasher{4};

TEST(PasswordHasherTest, HashIsBcrypt2bAtTheConfiguredCostAndNotThePlainText) {
  const std::string hashed = kFastHasher.hash("s3cret-pass");
  EXPECT_NE(hashed, "s3cret-pass");
  EXPECT_EQ(hashed.rfind("$2b$04$", 0), 0u) << hashed;
  EXPECT_EQ(hashed.size(), 60u);
}

TEST(PasswordHasherTest, Cost12ProducesA2b12HashThatVerifies) {
  const PasswordHasher production{12};
  const std::string hashed = production.hash("s3cret-pass");
  EXPECT_EQ(hashed.rfind("$2b$12$", 0), 0u) << hashed;
  EXPECT_TRUE(production.verify("s3cret-pass", hashed));
}

TEST(PasswordHasherTest, VerifiesTheRightPasswordAndRefusesAWrongOne) {
  const std::string hashed = kFastHasher.hash("s3cret-pass");
  EXPECT_TRUE(kFastHasher.verify("s3cret-pass", hashed));
  EXPECT_FALSE(kFastHasher.verify("s3cret-pasS", hashed));
  EXPECT_FALSE(kFastHasher.verify("", hashed));
}

TEST(PasswordHasherTest, SaltsEachHash) {
  EXPECT_NE(kFastHasher.hash("same"), kFastHasher.hash("same"));
}

TEST(PasswordHasherTest, TamperedHashFails) {
  const std::string hashed = kFastHasher.hash("s3cret-pass");
  std::string tampered_digest = hashed;
  tampered_digest[40] = tampered_digest[40] == 'a' ? 'b' : 'a';
  std::string tampered_salt = hashed;
  tampered_salt[10] = tampered_salt[10] == 'a' ? 'b' : 'a';
  EXPECT_FALSE(kFastHasher.verify("s3cret-pass", tampered_digest));
  EXPECT_FALSE(kFastHasher.verify("s3cret-pass", tampered_salt));
  EXPECT_FALSE(kFastHasher.verify("s3cret-pass", hashed + "x"));
  EXPECT_FALSE(kFastHasher.verify("s3cret-pass", hashed.substr(0, 59)));
}

TEST(PasswordHasherTest, OnlyTheFirst72BytesCount) {
  const std::string first72(72, 'x');
  const std::string hashed = kFastHasher.hash(first72 + "tail-one");
  EXPECT_TRUE(kFastHasher.verify(first72 + "a-different-tail", hashed));
  EXPECT_TRUE(kFastHasher.verify(first72, hashed));
  EXPECT_FALSE(kFastHasher.verify(std::string(71, 'x') + "y", hashed));
}

TEST(PasswordHasherTest, MalformedStoredHashesVerifyFalse) {
  for (const std::string stored : {"", "$2b$", "$2b$04$", "$2b$04$tooshort", "$2b$99$abcdefghijklmnopqrstuv",
                                   "not-a-hash", "s3cret-pass", "$2b$04$!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"}) {
    EXPECT_FALSE(kFastHasher.verify("s3cret-pass", stored)) << stored;
  }
}

TEST(PasswordHasherTest, NonBcryptSchemesVerifyFalse) {
  // md5crypt of "password" (openssl passwd -1 -salt saltsalt): libxcrypt would accept it, bcrypt does not.
  EXPECT_FALSE(kFastHasher.verify("password", "$1$saltsalt$qjXMvbEw8oaL.CzflDtaK/"));
}

TEST(PasswordHasherTest, AcceptsThe2aAnd2yVariantsOfAStoredHash) {
  const std::string hashed = kFastHasher.hash("s3cret-pass");
  EXPECT_TRUE(kFastHasher.verify("s3cret-pass", "$2a$" + hashed.substr(4)));
  EXPECT_TRUE(kFastHasher.verify("s3cret-pass", "$2y$" + hashed.substr(4)));
}

TEST(PasswordHasherTest, ANulByteInTheCountedBytesIsRefused) {
  const std::string with_nul("abc\0def", 7);
  EXPECT_THROW(kFastHasher.hash(with_nul), std::invalid_argument);
  EXPECT_FALSE(kFastHasher.verify(with_nul, kFastHasher.hash("abc")));
}

TEST(PasswordHasherTest, CostOutsideBcryptRangeIsRefused) {
  EXPECT_THROW(PasswordHasher{3}, std::invalid_argument);
  EXPECT_THROW(PasswordHasher{32}, std::invalid_argument);
}

}  // namespace
}  // namespace killrvideo::host
