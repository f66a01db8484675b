<?xml version="1.0" encoding="UTF-8"?>
<!--
  privacy-data.xsl: 我的个人信息: everything the platform holds about the
  signed-in person, part by part, the downloads (JSON, CSV), where to
  correct it, and deleting the account.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:include href="privacy-names.xsl"/>

  <xsl:template match="/page" mode="title">我的个人信息</xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card">
      <h1>我的个人信息</h1>
      <p><l:m>这里列出本平台保存的与你有关的全部信息。可以下载保存，发现有误可以更正，也可以注销账号。怎样收集和使用这些信息，见<a href="/privacy">个人信息保护说明</a>。</l:m></p>
      <p><a class="button secondary" href="/account/data.json">下载 JSON</a><xsl:text> </xsl:text><a class="button secondary" href="/account/data.csv">下载 CSV（可用 Excel 打开）</a><xsl:text> </xsl:text><a class="button secondary" href="/account#profile">更正姓名、角色、镇街</a></p>
    </section>
    <xsl:for-each select="data/part">
      <section class="card" aria-labelledby="part-{@name}">
        <h2 id="part-{@name}"><xsl:call-template name="part-name"/>
          <span class="note"><l:m>（<xsl:value-of select="count(row)"/>）</l:m></span></h2>
        <xsl:choose>
          <xsl:when test="row">
            <div class="scroll" tabindex="0">
              <table class="records">
                <thead><tr>
                  <xsl:for-each select="row[1]/@*"><th scope="col"><xsl:call-template name="column-name"/></th></xsl:for-each>
                </tr></thead>
                <tbody>
                  <xsl:for-each select="row">
                    <tr><xsl:for-each select="@*"><td class="text"><xsl:value-of select="."/></td></xsl:for-each></tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </xsl:when>
          <xsl:otherwise><p class="note">没有。</p></xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:for-each>
    <section class="card" id="delete" aria-labelledby="delete-h">
      <h2 id="delete-h">注销账号</h2>
      <xsl:for-each select="error">
        <p class="form-error" role="alert">
          <xsl:choose>
            <xsl:when test="@code = 'not-confirmed'">请勾选确认。</xsl:when>
            <xsl:when test="@code = 'bad-password'">密码不对，账号没有注销。</xsl:when>
            <xsl:when test="@code = 'last-admin'">你是所在单位唯一的单位管理员，单位里还有其他成员。请先在“我的单位”里把管理员移交给其他成员，再注销账号。</xsl:when>
          </xsl:choose>
        </p>
      </xsl:for-each>
      <p>注销后：手机号、姓名、学习积分和学习进度全部删除；已领取的蓝码在有效期内仍可扫码核验，但只显示“持有人已注销账号”；答题记录只保留不含个人信息的统计；隐患曝光保留所反映的情况，删除联系人和电话；尚未进行的参观预约自动取消；烧伤救助申请作为财政资金发放记录按规定期限保存，但不再与账号关联。注销不可恢复。</p>
      <form method="post" action="/account/delete" class="form">
        <xsl:call-template name="csrf"/>
        <label class="field"><span class="field-label">登录密码</span>
          <input name="password" type="password" required="required" autocomplete="current-password"/></label>
        <label class="check"><input name="confirm" type="checkbox" value="1" required="required"/> 我已了解，确认注销账号</label>
        <button type="submit" class="button danger">注销账号</button>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
