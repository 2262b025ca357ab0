// Overloaded: one visitor from several lambdas, for std::visit over the variants of actions,
// commands and answers (the C++17 idiom, kept in one place).
#pragma once

namespace ll {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace ll
