// Message variants (actions, commands) as classes whose copy, move and destruction are compiled
// once, in message_variants.cpp, instead of in every file that passes messages along.
#pragma once
#include <variant>

// Inside `struct Name : std::variant<...> { LL_MESSAGE_VARIANT(Name); };`. Inline, these members
// made each caller compile the copy, move and destruction of every alternative: a third of the
// ui's build time under the sanitizers (bench/RESULTS.md). std::visit, std::get_if and
// std::holds_alternative take such a class as the variant it derives from.
#define LL_MESSAGE_VARIANT(Name)                 \
    using variant::variant;                      \
    Name(const Name&);                           \
    Name(Name&&) noexcept;                       \
    Name& operator=(const Name&);                \
    Name& operator=(Name&&) noexcept;            \
    ~Name()

// In message_variants.cpp, once for each message variant.
#define LL_MESSAGE_VARIANT_MEMBERS(Name)                        \
    Name::Name(const Name&) = default;                          \
    Name::Name(Name&&) noexcept = default;                      \
    Name& Name::operator=(const Name&) = default;               \
    Name& Name::operator=(Name&&) noexcept = default;           \
    Name::~Name() = default
