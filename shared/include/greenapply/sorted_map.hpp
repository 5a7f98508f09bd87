// greenapply/sorted_map.hpp — the object type under greenapply::json: members in one sorted
// vector instead of one std::map node each.
//
// Why: every application, package and schema the core reads is a tree of small objects, and
// with nlohmann's default std::map each member is its own heap node, found by chasing pointers.
// Reading a file allocated one node per member, every lookup by the validator, the expressions
// and the round walked a tree, and freeing the tree freed each node again. Here an object is one
// allocation; a lookup is a binary search over contiguous keys. Members stay sorted by key
// (byte order, as std::map<std::string> sorts them), so iteration, dump() and write_json() give
// the same text as before, byte for byte, and comparisons of objects mean what they meant.
//
// Not a library's: C++17 has no flat map, nlohmann's ordered_map keeps insertion order (another
// text) and finds by linear scan, and Boost's flat_map would put /usr/include on em++'s path.
// The interface is the part of std::map that nlohmann::basic_json calls, modelled on
// ordered_map's.
//
// The one difference a caller can meet: inserting into an object moves its members, so a
// reference or iterator to a member of an object does not survive an insertion into that same
// object (std::map's would). Take references after the insertions, or look the member up again.
// The vector underneath is public, as ordered_map's is: its push_back is for a caller that
// appends in key order (the JSON reader), and a member's key must not be changed in place.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "greenapply/key_order.hpp"

namespace greenapply {

template <class Key, class T, class IgnoredLess = std::less<>, class IgnoredAllocator = void>
class sorted_map : public std::vector<std::pair<Key, T>> {
 public:
  using key_type = Key;
  using mapped_type = T;
  using Container = std::vector<std::pair<Key, T>>;
  using value_type = typename Container::value_type;
  using iterator = typename Container::iterator;
  using const_iterator = typename Container::const_iterator;
  using size_type = typename Container::size_type;
  // Transparent, so that nlohmann's find/count/at/erase take a string_view or a const char*
  // without building a std::string.
  using key_compare = std::less<>;

  sorted_map() noexcept = default;
  template <class Allocator>
  explicit sorted_map(const Allocator&) noexcept {}
  template <class It, class... Ignored>
  sorted_map(It first, It last, Ignored&&...) {
    for (; first != last; ++first) emplace(first->first, first->second);
  }
  template <class... Ignored>
  sorted_map(std::initializer_list<value_type> init, Ignored&&...) : sorted_map(init.begin(), init.end()) {}

  // Members usually arrive in key order (every writer of ours emits them so), and then the
  // insertion is an append. The work is in the few non-template members below, so that the many
  // key and value types nlohmann passes in (each string literal's length is a type of its own)
  // instantiate only thin wrappers: the page's wasm pays for one copy.
  template <class K, class V>
  std::pair<iterator, bool> emplace(K&& key, V&& value) {
    const std::pair<iterator, bool> place = locate(std::string_view(key));
    if (place.second) return {place.first, false};
    return {insert_at(place.first, key_type(std::forward<K>(key)), T(std::forward<V>(value))), true};
  }
  template <class K, class V>
  iterator emplace_hint(const_iterator, K&& key, V&& value) {
    return emplace(std::forward<K>(key), std::forward<V>(value)).first;
  }
  std::pair<iterator, bool> insert(const value_type& value) { return emplace(value.first, value.second); }
  std::pair<iterator, bool> insert(value_type&& value) {
    return emplace(std::move(value.first), std::move(value.second));
  }
  template <class InputIt,
            class = std::enable_if_t<std::is_convertible<typename std::iterator_traits<InputIt>::iterator_category,
                                                         std::input_iterator_tag>::value>>
  void insert(InputIt first, InputIt last) {
    for (; first != last; ++first) insert(*first);
  }

  template <class K>
  T& operator[](K&& key) {
    const std::pair<iterator, bool> place = locate(std::string_view(key));
    if (place.second) return place.first->second;
    return insert_at(place.first, key_type(std::forward<K>(key)), T())->second;
  }
  const T& operator[](std::string_view key) const { return at(key); }

  T& at(std::string_view key) {
    const iterator it = find(key);
    if (it == this->end()) throw std::out_of_range("key not found");
    return it->second;
  }
  const T& at(std::string_view key) const { return const_cast<sorted_map*>(this)->at(key); }

  iterator find(std::string_view key) {
    const std::pair<iterator, bool> place = search(key);
    return place.second ? place.first : this->end();
  }
  const_iterator find(std::string_view key) const { return const_cast<sorted_map*>(this)->find(key); }
  size_type count(std::string_view key) const { return find(key) == this->end() ? 0 : 1; }

  iterator erase(const_iterator pos) { return Container::erase(pos); }
  iterator erase(iterator pos) { return Container::erase(pos); }
  iterator erase(const_iterator first, const_iterator last) { return Container::erase(first, last); }
  size_type erase(std::string_view key) {
    const iterator it = find(key);
    if (it == this->end()) return 0;
    Container::erase(it);
    return 1;
  }

 private:
  // A binary search by compare_keys (key_order.hpp): one three-way comparison per probe, inline,
  // where std::lower_bound and a final == compared by memcmp calls, twice at the end. Where `key`
  // is (second: true) or would go (second: false).
  std::pair<iterator, bool> search(std::string_view key) {
    std::size_t lo = 0;
    std::size_t hi = this->size();
    const value_type* members = this->data();
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      const int order = compare_keys(members[mid].first, key);
      if (order < 0) {
        lo = mid + 1;
      } else if (order > 0) {
        hi = mid;
      } else {
        return {this->begin() + static_cast<std::ptrdiff_t>(mid), true};
      }
    }
    return {this->begin() + static_cast<std::ptrdiff_t>(lo), false};
  }
  // As search(), but past the last member first, as that is where a key in order goes.
  std::pair<iterator, bool> locate(std::string_view key) {
    if (this->empty() || compare_keys(this->back().first, key) < 0) return {this->end(), false};
    return search(key);
  }
  // An object built member by member (a result, a row) starts with room for eight: growing
  // 1, 2, 4, 8 moved every member three times. Objects read from text are sized exactly.
  iterator insert_at(iterator at, key_type&& key, T&& value) {
    if (this->capacity() == 0) {
      this->reserve(kFirstCapacity);
      at = this->end();
    }
    return Container::emplace(at, std::move(key), std::move(value));
  }
  static constexpr size_type kFirstCapacity = 8;
};

}  // namespace greenapply
